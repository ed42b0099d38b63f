import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client';
import { frameworks } from '../../src/server/db/schema-scoring';
import { type FrameworkFileInput, frameworkSchema } from '../../src/shared/frameworks/definition';

/**
 * Stores a framework file as the import would (validated definition, source text, hash), without the
 * import's audit and versioning checks: tests that need a framework in place, not the import itself.
 * Does nothing when a framework of that code is stored already, so fixtures may call it repeatedly.
 */
export async function storeFrameworkFile(db: Db, file: FrameworkFileInput): Promise<void> {
  const definition = frameworkSchema.parse(file);
  const [found] = await db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(eq(frameworks.code, definition.code));
  if (found) return;
  const sourceText = JSON.stringify(file);
  await db.insert(frameworks).values({
    code: definition.code,
    version: definition.version,
    name: definition.name,
    legalBasis: definition.legalBasis,
    issuingBody: definition.issuingBody,
    validFrom: definition.validFrom,
    periodKind: definition.period,
    appliesTo: definition.appliesTo,
    definition,
    sourceText,
    sourceFormat: 'json',
    sha256: createHash('sha256').update(sourceText).digest('hex'),
  });
}
