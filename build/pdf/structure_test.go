package pdf

import (
	"strings"
	"testing"
)

// TestStructTree writes a two-page tree: a paragraph that runs on to
// the next page (its marks there name their page), a link tied to its
// annotation, a header cell and a figure with their attributes.
func TestStructTree(t *testing.T) {
	tree := NewStructTree("fr", 2)
	p := tree.Add(0, StructElem{Role: "P", Lang: "en"})
	link := tree.Add(p, StructElem{Role: "Link"})
	th := tree.Add(0, StructElem{Role: "TH", Scope: "Column"})
	fig := tree.Add(0, StructElem{Role: "Figure", Alt: "A sun"})
	tree.Elem(fig).BBox = &[4]float64{1, 2, 3.5, 4}
	var c Content
	c.BeginTag("P", tree.Mark(p, 0))
	c.End()
	c.BeginTag("Link", tree.Mark(link, 0))
	c.BeginLang("de")
	c.End()
	c.End()
	c.BeginArtifact(Artifact{Type: "Pagination"})
	c.BeginActualText("not read")
	c.End()
	c.End()
	tree.AddSpans(0, c.Spans())
	tree.AddLink(link, Link{Page: 0, Rect: [4]float64{10, 20, 30, 40}, URI: "https://example.org", Contents: "example"})
	if l := tree.LastLink(link); l == nil || l.URI != "https://example.org" {
		t.Fatalf("LastLink = %v", l)
	}
	if tree.LastLink(p) != nil {
		t.Error("LastLink of an element without the last link")
	}
	tree.Mark(p, 1)
	tree.Mark(th, 1)
	tree.Mark(fig, 1)
	if got, want := c.String(), "/P <</MCID 0>> BDC\nEMC\n/Link <</MCID 1>> BDC\n/Span <</Lang (de)>> BDC\nEMC\nEMC\n/Artifact << /Type /Pagination >> BDC\n/Span <</ActualText (not read)>> BDC\nEMC\nEMC\n"; got != want {
		t.Errorf("content = %q, want %q", got, want)
	}

	var w Writer
	pages := []Ref{w.Alloc(), w.Alloc()} // 1, 2
	links := tree.LinkRefs(&w)           // 3
	if got := tree.PageLinks(0, links); len(got) != 1 || got[0] != 3 || len(tree.PageLinks(1, links)) != 0 {
		t.Errorf("PageLinks = %v", got)
	}
	root := tree.Write(&w, pages, links) // 4; elements 5…9
	body := func(r Ref) string { return string(w.objs[r-1]) }
	for _, tt := range []struct {
		ref  Ref
		want string
	}{
		{root, "<< /Type /StructTreeRoot /K [5 0 R] /ParentTree 10 0 R /ParentTreeNextKey 3 >>"},
		{5, "<< /S /Document /P 4 0 R /K [6 0 R 8 0 R 9 0 R] /Lang (fr) >>"},
		{6, "<< /S /P /P 5 0 R /K [7 0 R 0 << /Type /MCR /Pg 2 0 R /MCID 0 >>] /Pg 1 0 R /Lang (en) >>"},
		{7, "<< /S /Link /P 6 0 R /K [1 << /Type /OBJR /Pg 1 0 R /Obj 3 0 R >>] /Pg 1 0 R >>"},
		{8, "<< /S /TH /P 5 0 R /K [1] /Pg 2 0 R /A << /O /Table /Scope /Column >> >>"},
		{9, "<< /S /Figure /P 5 0 R /K [2] /Pg 2 0 R /Alt (A sun) /A << /O /Layout /BBox [1 2 3.5 4] >> >>"},
		{10, "<< /Nums [0 [6 0 R 7 0 R ] 1 [6 0 R 8 0 R 9 0 R ] 2 7 0 R ] >>"},
		{3, "<< /Type /Annot /Subtype /Link /Rect [10 20 30 40] /Border [0 0 0] /P 1 0 R /A << /S /URI /URI (https://example.org) >> /Contents (example) /StructParent 2 >>"},
	} {
		if got := body(tt.ref); got != tt.want {
			t.Errorf("object %d:\n got %s\nwant %s", tt.ref, got, tt.want)
		}
	}
	want := `Document lang="fr"
  P lang="en" page=1-2
    Link uri="https://example.org" page=1
      Span lang="de" page=1
  TH scope="Column" page=2
  Figure alt="A sun" page=2
`
	if got := tree.Dump(); got != want {
		t.Errorf("Dump:\n%s\nwant\n%s", got, want)
	}
}

// TestOutline: top entries closed with their kids counted negative; a
// single top entry open, its kids counted among the visible ones.
func TestOutline(t *testing.T) {
	kids := []OutlineItem{{Title: "a"}, {Title: "b"}}
	tests := []struct {
		name  string
		items []OutlineItem
		root  string
		first string
	}{
		{"none", nil, "<< /Type /Outlines /Count 0 >>", ""},
		{"closed", []OutlineItem{{Title: "One", Kids: kids}, {Title: "Two", Dest: Dest{Page: 1, Y: 500.5}}},
			"<< /Type /Outlines /First 3 0 R /Last 4 0 R /Count 2 >>",
			"<< /Title (One) /Parent 2 0 R /Dest [1 0 R /XYZ 0 0 null] /Next 4 0 R /First 5 0 R /Last 6 0 R /Count -2 >>"},
		{"open", []OutlineItem{{Title: "One", Kids: kids, Open: true}},
			"<< /Type /Outlines /First 3 0 R /Last 3 0 R /Count 3 >>",
			"<< /Title (One) /Parent 2 0 R /Dest [1 0 R /XYZ 0 0 null] /First 4 0 R /Last 5 0 R /Count 2 >>"},
	}
	for _, tt := range tests {
		var w Writer
		page := w.Alloc()
		root := w.AddOutline(tt.items, []Ref{page, page})
		if got := string(w.objs[root-1]); got != tt.root {
			t.Errorf("%s: root %s, want %s", tt.name, got, tt.root)
		}
		if tt.first != "" && string(w.objs[root]) != tt.first {
			t.Errorf("%s: first %s, want %s", tt.name, w.objs[root], tt.first)
		}
	}
}

// TestDicts: the page, catalog and form dictionaries of a tagged booklet
// and of its imposition.
func TestDicts(t *testing.T) {
	res := Resources{Fonts: []Resource{{"F1", 5}, {"F2", 6}}, XObjects: []Resource{{"Im1", 7}}}
	tests := []struct{ got, want string }{
		{Page{Parent: 2, Width: 420, Height: 595.5, Resources: res, Contents: 9, Tagged: true, StructParents: 3, Annots: []Ref{11, 12}}.Dict(),
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 595.5] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /Im1 7 0 R >> >> /Contents 9 0 R /StructParents 3 /Tabs /S /Annots [11 0 R 12 0 R] >>"},
		{Page{Parent: 2, Width: 842, Height: 595, Resources: Resources{XObjects: []Resource{{"P1", 4}}}, Contents: 8}.Dict(),
			"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /XObject << /P1 4 0 R >> >> /Contents 8 0 R >>"},
		{Catalog{Pages: 2, Lang: "nl", StructTreeRoot: 20, Outlines: 30, Metadata: 40}.Dict(),
			"<< /Type /Catalog /Pages 2 0 R /Lang (nl) /MarkInfo << /Marked true >> /StructTreeRoot 20 0 R /Outlines 30 0 R /PageMode /UseOutlines /ViewerPreferences << /DisplayDocTitle true >> /Metadata 40 0 R >>"},
		{Catalog{Pages: 2, Lang: "fr", Duplex: true}.Dict(),
			"<< /Type /Catalog /Pages 2 0 R /Lang (fr) /ViewerPreferences << /Duplex /DuplexFlipShortEdge /PrintScaling /None >> >>"},
		{FormDict(420, 595, Resources{Fonts: []Resource{{"F1", 5}}}), "/Type /XObject /Subtype /Form /BBox [0 0 420 595] /Resources << /Font << /F1 5 0 R >> >>"},
		{PageTree([]Ref{3, 4}), "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"},
		{Info("Charte é"), "<< /Title <FEFF004300680061007200740065002000E9> /Producer (sobre) >>"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("\n got %s\nwant %s", tt.got, tt.want)
		}
	}
	x := xmp("A & B", "fr")
	if !strings.Contains(x, "<rdf:li xml:lang=\"x-default\">A &amp; B</rdf:li>") || !strings.Contains(x, "<pdfuaid:part>1</pdfuaid:part>") {
		t.Errorf("xmp:\n%s", x)
	}
}

func TestMarkedContent(t *testing.T) {
	var c Content
	c.BeginArtifact(Artifact{Type: "Pagination", Subtype: "Footer"})
	c.End()
	c.BeginArtifact(Artifact{Type: "Layout"})
	c.BeginLang("en")
	c.BeginActualText("")
	want := "/Artifact << /Type /Pagination /Subtype /Footer >> BDC\nEMC\n/Artifact << /Type /Layout >> BDC\n/Span <</Lang (en)>> BDC\n/Span <</ActualText ()>> BDC\n"
	if c.String() != want {
		t.Errorf("got %q\nwant %q", c.String(), want)
	}
}
