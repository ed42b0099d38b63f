import { verifySnapshotChain } from '../../domain/monitor/snapshots/verify-snapshots';
import { verifyStoredFiles } from '../../domain/monitor/snapshots/verify-stored-files';
import { AppError } from '../../errors';
import { booleanOption, type Command } from '../command';
import { formatCount, writeLine } from '../io';

/**
 * `verify-evidence`: checks the chain of the monitor's page snapshots (and, with --files, every stored
 * file against the SHA-256 recorded at upload). Problems are printed one per line and the command
 * fails (exit code 1), so a scheduled run can alert someone.
 */
export const verifyEvidenceCommand: Command = {
  name: 'verify-evidence',
  summary: 'Kiểm tra chuỗi ảnh chụp trang (và tùy chọn mọi tệp minh chứng) có bị sửa hay xóa không',
  positionals: [],
  options: {
    files: {
      type: 'boolean',
      description: 'Đọc lại mọi tệp đã lưu và so mã SHA-256 với mã ghi lúc tải lên (đọc toàn bộ dữ liệu tệp)',
    },
  },
  notes: [
    'Với mỗi ảnh chụp: tính lại mã SHA-256 của bản kê từ dữ liệu đã lưu, kiểm tra bản kê dẫn đúng tới ảnh',
    'chụp liền trước, giải nén nội dung trang và ảnh màn hình rồi so mã SHA-256 và dung lượng.',
    'Ghi lại "mã cuối chuỗi" ở nơi khác (sổ, thư điện tử): lần kiểm tra sau, nếu mã đó không còn trong chuỗi',
    'thì các ảnh chụp cuối đã bị xóa — điều mà chuỗi tự nó không cho thấy.',
    'Mã thoát 1 khi có bất kỳ vấn đề nào.',
  ],
  async run({ options, io, database }) {
    if (!io.fileStore) throw new AppError('INTERNAL', 'Không mở được kho tệp (DATA_DIR).');
    const chain = await verifySnapshotChain(database.db, io.fileStore);
    writeLine(io.stdout, `Đã kiểm tra ${formatCount(chain.checked)} ảnh chụp trang.`);
    if (chain.headSha256)
      writeLine(io.stdout, `Mã cuối chuỗi (số ${chain.headSequence}): ${chain.headSha256}`);
    for (const problem of chain.problems) {
      const where = problem.sequence
        ? `Ảnh chụp số ${problem.sequence} (${problem.snapshotId})`
        : 'Tham chiếu';
      writeLine(io.stdout, `  ✗ ${where}: ${problem.problem}`);
    }
    let fileProblems = 0;
    if (booleanOption(options, 'files')) {
      const files = await verifyStoredFiles(database.db, io.fileStore);
      writeLine(io.stdout, `Đã kiểm tra ${formatCount(files.checked)} tệp đã lưu.`);
      for (const problem of files.problems)
        writeLine(io.stdout, `  ✗ Tệp "${problem.name}" (${problem.fileId}): ${problem.problem}`);
      fileProblems = files.problems.length;
    }
    const total = chain.problems.length + fileProblems;
    if (total > 0)
      throw new AppError(
        'CONFLICT',
        `Phát hiện ${formatCount(total)} vấn đề ở minh chứng đã lưu (xem danh sách trên).`,
      );
    writeLine(io.stdout, 'Không phát hiện vấn đề nào.');
  },
};
