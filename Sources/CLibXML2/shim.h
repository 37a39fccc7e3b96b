// Debian builds libxml2 with ICU; its headers then pull in ICU declarations that clash with
// Foundation's own copy. Undefining the flag first keeps libxml2's ICU-free API only.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlIO.h>
#include <libxml/parserInternals.h>
#include <libxml/HTMLparser.h>

/// `xmlFree` is a global function-pointer variable, which Swift 6 rejects as shared mutable
/// state; calling it through a function keeps the unsafety here.
static inline void beacon_xml_free(void *pointer) { xmlFree(pointer); }
