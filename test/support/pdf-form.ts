// Check boxes of a fillable PDF form (AcroForm), written with pdfkit for tests and test documents, the
// way form tools write them: a widget annotation on the page with an "on" appearance (named by its
// export value, often /Yes) and an "off" one (/Off), its state in /AS and the field's value in /V, both
// names. pdfkit's own `formCheckbox` writes no appearances and takes its value as a string, so the
// widget is written here as a plain annotation and added to the form's fields. `initForm` must have
// been called on the document.

type Doc = PDFKit.PDFDocument;
/** pdfkit's internals used here: the catalog's AcroForm, the current page's annotations, `ref`. */
type DocInternals = {
  _root: { data: { AcroForm?: { data: { Fields: unknown[] } } } };
  page: { annotations: unknown[] };
  ref(data: Record<string, unknown>): { end(chunk?: string): void };
};

export type FormCheckBoxOptions = {
  /** The name of the "on" state (default "Yes"). */
  exportValue?: string;
  /** Also print the box's square on the page itself, under the field, as many forms do. */
  square?: boolean;
};

/**
 * A form check box at (x, y) (pdfkit's coordinates: from the top left), `size` points square, on or
 * off. Its "on" appearance is a drawn check mark, its "off" appearance nothing.
 */
export function formCheckBox(
  doc: Doc,
  name: string,
  x: number,
  y: number,
  size: number,
  on: boolean,
  options: FormCheckBoxOptions = {},
): void {
  const d = doc as unknown as DocInternals;
  const fields = d._root.data.AcroForm?.data.Fields;
  if (!fields) throw new Error('call doc.initForm() before adding form check boxes');
  const exportValue = options.exportValue ?? 'Yes';
  const appearance = (content: string) => {
    const ref = d.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, size, size] });
    ref.end(content);
    return ref;
  };
  const f = (n: number) => +(n * size).toFixed(2);
  const checked = appearance(
    `q 0 G 1 w ${f(0.2)} ${f(0.5)} m ${f(0.42)} ${f(0.22)} l ${f(0.82)} ${f(0.85)} l S Q`,
  );
  const unchecked = appearance('');
  if (options.square) doc.save().lineWidth(0.6).rect(x, y, size, size).stroke().restore();
  doc.annotate(x, y, size, size, {
    Subtype: 'Widget',
    FT: 'Btn',
    T: new String(name),
    F: 4,
    V: on ? exportValue : 'Off',
    AS: on ? exportValue : 'Off',
    AP: { N: { [exportValue]: checked, Off: unchecked } },
    MK: { BC: [0, 0, 0] },
  } as unknown as PDFKit.Mixins.AnnotationOption);
  fields.push(d.page.annotations[d.page.annotations.length - 1]);
}
