package bundle

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
	"time"
)

func TestZipIsReproducible(t *testing.T) {
	files := map[string][]byte{"index.html": []byte("<p>hi</p>"), "fr/a.html": []byte("a"), "img/x.png": []byte("PNG")}
	a, err := Zip("site-fr", files, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	again := map[string][]byte{}
	for k, v := range files { // same files, built in another order
		again[k] = append([]byte(nil), v...)
	}
	b, _ := Zip("site-fr", again, time.Time{})
	if !bytes.Equal(a, b) {
		t.Fatal("two zips of the same files differ")
	}
	r, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"site-fr/fr/a.html", "site-fr/img/x.png", "site-fr/index.html"}
	for i, f := range r.File {
		if f.Name != want[i] {
			t.Errorf("entry %d = %s, want %s", i, f.Name, want[i])
		}
		if !f.Modified.Equal(Epoch) {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		if !bytes.Equal(data, files[f.Name[len("site-fr/"):]]) {
			t.Errorf("%s content differs", f.Name)
		}
	}
	if r.File[1].Method != zip.Store {
		t.Error("PNG should be stored, not deflated")
	}
	when := time.Date(2026, 3, 15, 10, 0, 0, 0, time.UTC)
	c, _ := Zip("site-fr", files, when)
	r2, _ := zip.NewReader(bytes.NewReader(c), int64(len(c)))
	if !r2.File[0].Modified.Equal(when) {
		t.Errorf("SOURCE_DATE_EPOCH time not used: %v", r2.File[0].Modified)
	}
}
