package content

import (
	"io/fs"
	"syscall"
)

// readSized reads the file name as readSized does, with the system's
// calls themselves: an *os.File would also try to register the file with
// the network poller (one more system call, refused for a regular file)
// and allocate the file and its cleanup, for every one of ten thousand
// files read once each.
func (f dirFS) readSized(name string) (b []byte, size int64, err error) {
	path, err := f.join(name)
	if err != nil {
		return nil, 0, err
	}
	fd, err := retry(func() (int, error) { return syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) })
	if err != nil {
		return nil, 0, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if _, err := retry(func() (int, error) { return 0, syscall.Fstat(fd, &st) }); err != nil {
		return nil, 0, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	switch size = st.Size; {
	case size > MaxFileSize:
		return nil, size, nil
	case size == 0:
		return readSized(f.osFS, name) // a file reporting no size is read to its end
	}
	b = make([]byte, size)
	n := 0
	for n < len(b) {
		m, err := retry(func() (int, error) { return syscall.Read(fd, b[n:]) })
		if err != nil {
			return nil, 0, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if m == 0 {
			break // shorter than its size said: changed while read
		}
		n += m
	}
	return b[:n], size, nil
}

// retry calls call again for as long as a signal interrupts it.
func retry(call func() (int, error)) (int, error) {
	for {
		n, err := call()
		if err != syscall.EINTR {
			return n, err
		}
	}
}
