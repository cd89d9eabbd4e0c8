
import CLibPQ
func _linkCheck() -> Int32 { PQlibVersion() }
