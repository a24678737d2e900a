//go:build !linux

package output

import "os"

// writeBytes writes data to the file name, created or truncated.
func writeBytes(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }
