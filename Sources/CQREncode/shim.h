// Umbrella for the system libqrencode header; kept separate so the modulemap
// does not depend on where the distribution installs qrencode.h.
#include <qrencode.h>
