// Paths to the package files and ../shared, for every file of this target.
@_exported import TamizTestSupport
