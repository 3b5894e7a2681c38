//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package outdir

import (
	"errors"
	"os"
	"syscall"
)

// lock takes an exclusive flock on the output folder's own descriptor. The
// kernel drops it when the process ends, killed or not: no stale lock.
func lock(root *os.Root) (release func(), held bool, err error) {
	dir, err := root.Open(".")
	if err != nil {
		return nil, false, err
	}
	if err := syscall.Flock(int(dir.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		dir.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, true, nil
		}
		return nil, false, err
	}
	return func() {
		syscall.Flock(int(dir.Fd()), syscall.LOCK_UN)
		dir.Close()
	}, false, nil
}

const staleLockHint = ""
