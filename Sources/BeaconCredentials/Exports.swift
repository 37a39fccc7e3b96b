// Everything that reads or writes credentials works on BeaconJSON values; users of this module
// get them without a second import.
@_exported import BeaconJSON
