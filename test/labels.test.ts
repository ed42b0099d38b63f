import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_KINDS } from '../src/shared/activities';
import { CHANNEL_KIND_SHORT_LABELS, channelLabel } from '../src/shared/channel-labels';
import { UNIT_EVENT_KINDS } from '../src/shared/units';
import { AUDIT_ENTITY_LABELS, auditActionLabel } from '../src/web/i18n/labels';

/** Every .ts file under a folder. */
function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The string literals the server writes as audit actions and entity types (the ternary of channel.update too). */
function auditCodes(): { actions: Set<string>; entityTypes: Set<string> } {
  const actions = new Set<string>();
  const entityTypes = new Set<string>();
  for (const file of sourceFiles(path.resolve(__dirname, '../src/server'))) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const literals = [...line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)].map((match) => match[1]!);
      if (/\b(action|auditAction):/.test(line)) for (const code of literals) actions.add(code);
      const entity = /\bentityType: '([a-z_]+)'/.exec(line);
      if (entity) entityTypes.add(entity[1]!);
    }
  }
  for (const kind of UNIT_EVENT_KINDS) actions.add(`unit_event.${kind}`);
  return { actions, entityTypes };
}

describe('channel labels', () => {
  it('tells apart two channels of the same name by their kind', () => {
    const website = channelLabel({ name: 'Chuyên mục Chuyển đổi số', kind: 'website_column' }, 'vi');
    const radio = channelLabel({ name: 'Chuyên mục Chuyển đổi số', kind: 'radio_programme' }, 'vi');
    expect(website).toBe('Chuyên mục Chuyển đổi số · Trang thông tin điện tử');
    expect(radio).toBe('Chuyên mục Chuyển đổi số · Đài truyền thanh');
    expect(channelLabel({ name: 'Chuyên mục Chuyển đổi số', kind: 'radio_programme' }, 'en')).toBe(
      'Chuyên mục Chuyển đổi số · Radio',
    );
  });

  it('names every channel kind in both languages, and leaves an unknown kind out', () => {
    for (const kind of CHANNEL_KINDS) {
      expect(CHANNEL_KIND_SHORT_LABELS[kind].vi).not.toBe('');
      expect(CHANNEL_KIND_SHORT_LABELS[kind].en).not.toBe('');
    }
    expect(channelLabel({ name: 'Trang Zalo', kind: 'carrier_pigeon' }, 'vi')).toBe('Trang Zalo');
    expect(channelLabel({ name: 'Trang Zalo', kind: null }, 'vi')).toBe('Trang Zalo');
  });
});

describe('audit log labels', () => {
  const { actions, entityTypes } = auditCodes();

  it('finds the codes the server writes', () => {
    expect(actions).toContain('activity.create');
    expect(actions).toContain('channel.end');
    expect(actions).toContain('assessment.submit');
    expect(entityTypes).toContain('broadcast_schedule');
  });

  it('has words in Vietnamese and English for every audit action the server writes', () => {
    const missing = [...actions].filter((action) => {
      const label = auditActionLabel(action);
      return !label?.vi || !label.en;
    });
    expect(missing).toEqual([]);
  });

  it('has words for every entity type the server writes', () => {
    expect([...entityTypes].filter((type) => !AUDIT_ENTITY_LABELS[type])).toEqual([]);
  });
});
