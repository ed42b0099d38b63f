/**
 * Copying and saving text without a server round trip. Loa Số is often reached over plain http on a
 * province network, where the clipboard API is missing: copying then falls back to a hidden text area.
 */
export async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (permissions, focus): try the old way below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Saves text as a file the browser downloads. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download still has its data.
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * The JSON Schema of framework files (docs/framework.schema.json, generated from the zod schema),
 * shipped in its own chunk and loaded only when someone asks for it.
 */
export async function downloadFrameworkSchema(): Promise<void> {
  const schema = await import('../../../../docs/framework.schema.json');
  downloadText('framework.schema.json', `${JSON.stringify(schema.default, null, 2)}\n`, 'application/json');
}
