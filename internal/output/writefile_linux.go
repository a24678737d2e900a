package output

import (
	"os"
	"syscall"
)

// writeBytes writes data to the file name, created or truncated, as
// os.WriteFile does, in three system calls. os.WriteFile makes five more
// for each file (it tries to add the file to the poller, which a regular
// file never joins, setting and clearing non-blocking mode around it),
// and a site is tens of thousands of files.
func writeBytes(name string, data []byte) error {
	fd, err := open(name)
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// open opens name for writing as os.WriteFile does, retrying when a
// signal interrupts the call.
func open(name string) (int, error) {
	for {
		fd, err := syscall.Open(name, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC|syscall.O_CLOEXEC, 0o644)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}
