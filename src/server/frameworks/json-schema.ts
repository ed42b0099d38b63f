import { z } from 'zod';
import {
  channelMeasureSchema,
  criterionSchema,
  frameworkSchema,
  frequencyTierSchema,
  indexSchema,
  inputSchema,
  measureSchema,
  pillarSchema,
  ruleSchema,
} from '../../shared/frameworks/definition';

/**
 * The JSON Schema of framework files, generated from the zod schema so the two cannot drift apart.
 * Editors that understand JSON Schema (VS Code with the YAML extension, say) use it to suggest
 * fields and flag mistakes while a province officer types. The descriptions are Vietnamese, like the
 * guide. `docs/framework.schema.json` is this output; `npm run framework:schema` rewrites it and a
 * test fails when it is out of date.
 */

export const FRAMEWORK_SCHEMA_ID = 'urn:loa-so:framework-schema:1';

type Meta = { id?: string; title?: string; description?: string };

function describeSchemas(): z.core.$ZodRegistry<Meta> {
  const registry = z.registry<Meta>();
  const describe = (schema: z.ZodType, meta: Meta) => registry.add(schema, meta);

  const f = frameworkSchema.shape;
  describe(f.$schema, {
    description: 'Đường dẫn tới tệp JSON Schema này, để trình soạn thảo gợi ý và kiểm tra.',
  });
  describe(f.code, {
    description:
      'Mã bộ chỉ số: chữ thường không dấu, số và gạch ngang, giữ nguyên qua các năm (ví dụ kontum-780).',
  });
  describe(f.version, {
    description:
      'Phiên bản, viết trong dấu nháy (ví dụ "2024"). Tệp đã nhập không sửa được: sửa nội dung thì tăng phiên bản.',
  });
  describe(f.name, { description: 'Tên đầy đủ của bộ chỉ số.' });
  describe(f.legalBasis, {
    description: 'Căn cứ pháp lý, ví dụ "Quyết định số 780/QĐ-UBND ngày 02/12/2022 của UBND tỉnh Kon Tum".',
  });
  describe(f.issuingBody, { description: 'Cơ quan ban hành, ví dụ "Ủy ban nhân dân tỉnh Kon Tum".' });
  describe(f.validFrom, {
    description: 'Ngày bắt đầu hiệu lực (yyyy-MM-dd), nên là ngày đầu một kỳ chấm, ví dụ 2024-01-01.',
  });
  describe(f.validTo, { description: 'Ngày hết hiệu lực (yyyy-MM-dd); bỏ trống khi còn hiệu lực.' });
  describe(f.period, {
    description: 'Kỳ chấm: year (năm, mặc định), half_year (6 tháng), quarter (quý), month (tháng).',
  });
  describe(f.appliesTo, { description: 'Các loại đơn vị được chấm theo bộ chỉ số này.' });
  describe(f.totals, {
    description:
      'Tổng điểm tối đa theo loại đơn vị; phải bằng tổng điểm tối đa của các tiêu chí áp dụng cho loại đó.',
  });
  describe(f.rollUpPredecessors, {
    description: 'true (mặc định): bản ghi của các đơn vị cũ đã sáp nhập vào đơn vị được tính cho đơn vị đó.',
  });
  describe(f.description, { description: 'Ghi chú thêm về bộ chỉ số.' });
  describe(f.pillars, { description: 'Các trụ cột (phần) của bộ chỉ số; mỗi trụ cột có các chỉ số.' });

  describe(pillarSchema, { title: 'Trụ cột', description: 'Một trụ cột (phần), ví dụ "Chính quyền số".' });
  describe(indexSchema, {
    title: 'Chỉ số',
    description: 'Một chỉ số, ví dụ "Nhận thức số"; gồm các tiêu chí.',
  });

  const c = criterionSchema.shape;
  describe(criterionSchema, {
    id: 'criterion',
    title: 'Tiêu chí',
    description:
      'Một tiêu chí được chấm điểm. Hai tiêu chí chỉ được trùng mã khi áp dụng cho các loại đơn vị khác nhau.',
  });
  // One schema serves the codes of pillars, indices and criteria.
  describe(c.code, {
    description: 'Mã, ví dụ "1" hoặc "1.5": chữ số, chữ cái và dấu chấm; trong YAML đặt trong dấu nháy.',
  });
  describe(c.max, { description: 'Điểm tối đa của tiêu chí.' });
  describe(c.appliesTo, {
    description: 'Loại đơn vị được chấm theo tiêu chí này; bỏ trống: mọi loại trong appliesTo của bộ chỉ số.',
  });
  describe(c.inputs, { description: 'Các số liệu người dùng nhập khi tự chấm (kèm minh chứng).' });
  describe(c.evidence, { description: 'Minh chứng (tài liệu kiểm chứng) người thẩm định cần xem.' });
  describe(c.evidenceRequired, { description: 'true: điểm tự chấm phải kèm ít nhất một minh chứng.' });
  describe(c.dataSource, { description: 'Nguồn số liệu, bằng lời.' });
  describe(c.hint, { description: 'Gợi ý cho cán bộ thực hiện.' });

  describe(ruleSchema, {
    id: 'rule',
    title: 'Quy tắc chấm',
    description: 'Cách tính điểm; trường type chọn loại.',
  });
  // unwrap() would build a fresh union from the lazy getter; innerType is the instance the schema uses.
  const lazyRule = ruleSchema as unknown as z.ZodLazy<z.ZodDiscriminatedUnion<z.ZodObject[]>>;
  const ruleTypes = lazyRule._zod.innerType;
  const RULE_DESCRIPTIONS: Record<string, string> = {
    boolean:
      'Có/không: trọn điểm khi có ít nhất một bản ghi (measure), có kênh (channel) hoặc người dùng nhập "có" (input).',
    count:
      'Đếm trong kỳ: trọn điểm khi đạt threshold; partial: proportional cho điểm theo tỷ lệ khi chưa đạt.',
    ladder: 'Bậc thang: số đếm được đổi ra điểm theo bảng steps (bậc cao nhất đạt được).',
    frequency:
      'Tần suất: tỷ lệ tuần (hoặc tháng) trong kỳ có ít nhất atLeast bản ghi, so với các mức tiers từ cao xuống thấp.',
    minimum_each:
      'Tối thiểu mỗi tuần/tháng: trọn điểm khi mọi tuần (tháng) của kỳ đều có ít nhất atLeast bản ghi.',
    ratio: 'Tỷ lệ: numerator / denominator × điểm tối đa.',
    choice: 'Lựa chọn: người dùng chọn một trong options, mỗi lựa chọn cho một phần điểm tối đa (fraction).',
    sum: 'Cộng điểm các phần (mỗi phần một quy tắc, chấm trên points của phần), tối đa bằng điểm của tiêu chí.',
    all_of:
      'Tất cả: trọn điểm khi mọi quy tắc con đều đạt trọn điểm (bậc thang chưa lên bậc cao nhất, tỷ lệ chưa đủ 100%, mức nửa điểm… là chưa đạt); còn lại 0.',
    any_of:
      'Một trong: trọn điểm khi ít nhất một quy tắc con đạt trọn điểm (đạt một phần không tính); còn lại 0.',
    manual: 'Chấm tay: người chấm nhập điểm, kèm minh chứng.',
  };
  for (const option of ruleTypes.options) {
    const type = String((option.shape.type as z.ZodLiteral<string>).value);
    describe(option, { title: type, description: RULE_DESCRIPTIONS[type] ?? '' });
  }

  const m = measureSchema.shape;
  describe(measureSchema, {
    id: 'measure',
    title: 'Số liệu từ bản ghi',
    description:
      'Đếm bản ghi của đơn vị: posts (tin bài), broadcasts (lượt phát sóng), press_issues (kỳ báo), banners. Mặc định đếm trên kênh chuyển đổi số của loại đó.',
  });
  describe(m.source, {
    description:
      'Loại bản ghi: posts, broadcasts, press_issues, banners; hoặc một danh sách, ví dụ [posts, press_issues], để đếm chung thành một con số.',
  });
  describe(m.channelKinds, { description: 'Chỉ đếm trên các loại kênh này (mặc định: kênh chuyển đổi số).' });
  describe(m.platforms, { description: 'Chỉ đếm trên các nền tảng này.' });
  describe(m.topics, { description: 'Chỉ đếm bản ghi có một trong các chủ đề này (mã chủ đề).' });
  describe(m.genres, { description: 'Chỉ đếm các thể loại này.' });
  describe(m.languages, {
    description: 'Chỉ đếm bản ghi bằng một trong các ngôn ngữ này (mã, ví dụ sed, bdq).',
  });
  describe(m.ethnicLanguagesOnly, { description: 'true: chỉ đếm bản ghi bằng tiếng dân tộc thiểu số.' });
  describe(m.translationsOnly, { description: 'true: chỉ đếm bản dịch của một bản ghi khác.' });
  describe(m.provenances, { description: 'Chỉ đếm bản ghi đến từ: form, import, monitor, api.' });
  describe(m.broadcastSources, { description: 'Lượt phát sóng: own, province_source, relay.' });
  describe(m.verifiedOnly, { description: 'Banner: chỉ đếm banner được kiểm tra thấy hoạt động.' });
  describe(m.acceptedOnly, { description: 'true: chỉ đếm bản ghi đã được duyệt.' });
  describe(m.eachVersion, {
    description:
      'true: mỗi bản (bản gốc và từng bản dịch) tính riêng. Mặc định một bản ghi cùng các bản dịch của nó là một tin, tính một lần.',
  });
  describe(m.noun, { description: 'Danh từ trong lời giải thích, ví dụ "tin bài".' });

  describe(channelMeasureSchema, {
    id: 'channelMeasure',
    title: 'Kênh của đơn vị',
    description: 'Đơn vị có kênh thuộc loại này trong kỳ (ví dụ chuyên mục chuyển đổi số trên trang web).',
  });
  describe(channelMeasureSchema.shape.startedBy, {
    description:
      'Kênh phải bắt đầu từ ngày đầu kỳ (period_start) hay chậm nhất ngày cuối kỳ (period_end, mặc định).',
  });

  describe(inputSchema, {
    title: 'Số liệu nhập tay',
    description:
      'Một giá trị người dùng nhập khi tự chấm: number (số), boolean (có/không), choice (lựa chọn).',
  });
  describe(inputSchema.shape.key, {
    description: 'Khóa, chữ thường và gạch dưới; quy tắc gọi bằng input: khóa.',
  });

  describe(frequencyTierSchema, {
    title: 'Mức tần suất',
    description: 'Một mức, xếp từ khắt khe nhất xuống.',
  });
  const t = frequencyTierSchema.shape;
  describe(t.every, { description: 'week (tuần ISO, thứ Hai – Chủ nhật) hoặc month (tháng).' });
  describe(t.atLeast, { description: 'Số bản ghi tối thiểu để một tuần (tháng) được tính (mặc định 1).' });
  describe(t.share, { description: 'Tỷ lệ tuần (tháng) của kỳ phải đạt, từ 0 đến 1 (mặc định 1 = tất cả).' });
  describe(t.fraction, { description: 'Phần điểm tối đa của mức này, từ 0 đến 1 (0.5 = nửa số điểm).' });
  return registry;
}

export function frameworkJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(frameworkSchema, { io: 'input', metadata: describeSchemas() });
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: FRAMEWORK_SCHEMA_ID,
    title: 'Bộ chỉ số chuyển đổi số (Loa Số)',
    description:
      'Tệp bộ chỉ số của Loa Số (YAML hoặc JSON): thông tin chung, cây trụ cột → chỉ số → tiêu chí, mỗi tiêu chí một quy tắc chấm. Hướng dẫn: docs/frameworks.md.',
    ...rest,
  };
}
