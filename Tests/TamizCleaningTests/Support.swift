import Foundation
// The package's and ../shared's paths (`Paths`): the tests that read ../shared are enabled only
// when their file exists, since it is absent on a user's fresh clone.
@_exported import TamizTestSupport
