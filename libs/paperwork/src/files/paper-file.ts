/** A paper as served: its name for the download, its type, its bytes. */
export interface PaperFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}
