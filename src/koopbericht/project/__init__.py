"""The clerk's working folder (`folder`): where it is, its years, and the starter files it begins with (`scaffold`)."""
