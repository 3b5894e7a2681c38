package xliff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// units lists a document's units as text, to compare two readings.
func unitsText(d *Doc) string {
	var b strings.Builder
	for _, f := range d.Files {
		b.WriteString(f.Original + "\n")
		for _, u := range f.Units {
			b.WriteString(u.ID + " " + u.State + " " + join(u.Source) + " => " + join(u.Target) + "\n")
		}
	}
	return b.String()
}

func FuzzParse(f *testing.F) {
	dir := smallSite(f)
	var b strings.Builder
	export(f, dir, "nl").Write(&b)
	f.Add(b.String())
	f.Add(`<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="nl"><file id="f"><unit id="u"><segment><source>a<pc id="1">b</pc></source><target>c<cp hex="0041"/></target></segment></unit></file></xliff>`)
	f.Add(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"><file><unit id="u"><originalData><data id="d1">x</data></originalData><segment><source><ph id="1" dataRef="d1"/></source><target><ph id="1"/></target></segment></unit></file></xliff>`)
	f.Add("<xliff")
	f.Fuzz(func(t *testing.T, data string) {
		d, err := Parse("f.xlf", []byte(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.xlf:") {
				t.Fatalf("error without its place: %v", err)
			}
			return
		}
		// What was read, written again, reads the same.
		var b strings.Builder
		d.Write(&b)
		again, err := Parse("g.xlf", []byte(b.String()))
		if err != nil {
			t.Fatalf("a written document does not read: %v\n%s", err, b.String())
		}
		if unitsText(again) != unitsText(d) {
			t.Fatalf("read back:\n%s\nwant:\n%s", unitsText(again), unitsText(d))
		}
	})
}

// TestXMLLint checks the export with libxml2's xmllint (in .ci/run's
// packages): well-formed, namespaces right; against the XLIFF 2.0 core
// schema too when XLIFF_SCHEMA names a copy of xliff_core_2.0.xsd.
func TestXMLLint(t *testing.T) {
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint is not installed (apt-get install libxml2-utils)")
	}
	dir := smallSite(t)
	var b strings.Builder
	export(t, dir, "nl").Write(&b)
	file := filepath.Join(t.TempDir(), "nl.xlf")
	os.WriteFile(file, []byte(b.String()), 0o644)
	args := []string{"--noout", "--nonet"}
	if xsd := os.Getenv("XLIFF_SCHEMA"); xsd != "" {
		args = append(args, "--schema", xsd)
	}
	if out, err := exec.Command(lint, append(args, file)...).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}
