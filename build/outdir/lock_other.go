//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package outdir

import (
	"errors"
	"io/fs"
	"os"
)

// lockName is the lock file of systems without flock (Windows, Solaris…).
// Unlike a flock it outlives a killed build: then delete it by hand.
const lockName = reserved + "lock"

// lock creates lockName exclusively (O_EXCL): a second build finds it.
func lock(root *os.Root) (release func(), held bool, err error) {
	f, err := root.OpenFile(lockName, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	f.Close()
	return func() { root.Remove(lockName) }, false, nil
}

const staleLockHint = " (if no build is running, a killed one left " + lockName + ": delete it)"
