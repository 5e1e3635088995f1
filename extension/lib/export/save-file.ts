/** Offers `text` as a download, from an extension page (no `downloads` permission needed). */
export function saveFile(doc: Document, name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  doc.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
