/** Messages of the monitor's page snapshots (issue 11): the panel in the record drawer, the evidence kind. */
export const snapshotsVi = {
  'snapshots.kind': 'Ảnh chụp trang',
  'snapshots.title': 'Ảnh chụp trang (do hệ thống theo dõi lưu)',
  'snapshots.fetchedAt': 'Thời điểm nhận',
  'snapshots.url': 'Địa chỉ',
  'snapshots.finalUrl': 'Địa chỉ sau chuyển hướng',
  'snapshots.status': 'Mã trạng thái HTTP',
  'snapshots.size': 'Dung lượng nội dung',
  'snapshots.sequence': 'Số thứ tự trong chuỗi',
  'snapshots.bodySha': 'SHA-256 nội dung',
  'snapshots.manifestSha': 'SHA-256 bản kê',
  'snapshots.previousSha': 'SHA-256 bản kê trước',
  'snapshots.none': '(đầu chuỗi)',
  'snapshots.body': 'Tải nội dung đã nhận (văn bản thuần)',
  'snapshots.screenshot': 'Xem ảnh màn hình',
  'snapshots.noScreenshot': 'Không có ảnh màn hình.',
  'snapshots.statement':
    'Ảnh chụp này chứng minh máy chủ Loa Số đã nhận được nội dung này từ địa chỉ trên vào thời điểm ghi; nó không chứng minh ai là tác giả, nội dung có đúng hay trang có hiển thị như vậy với mọi người đọc.',
  'snapshots.verifyHint':
    'Kiểm tra chuỗi ảnh chụp bằng lệnh: npm run cli -- verify-evidence. Mã SHA-256 của tệp nội dung tải về phải trùng mã nội dung ở trên.',
};

export const snapshotsEn: Record<keyof typeof snapshotsVi, string> = {
  'snapshots.kind': 'Page snapshot',
  'snapshots.title': 'Page snapshot (kept by the monitor)',
  'snapshots.fetchedAt': 'Received at',
  'snapshots.url': 'Address',
  'snapshots.finalUrl': 'Address after redirects',
  'snapshots.status': 'HTTP status',
  'snapshots.size': 'Body size',
  'snapshots.sequence': 'Position in the chain',
  'snapshots.bodySha': 'Body SHA-256',
  'snapshots.manifestSha': 'Manifest SHA-256',
  'snapshots.previousSha': 'Previous manifest SHA-256',
  'snapshots.none': '(start of the chain)',
  'snapshots.body': 'Download the received body (plain text)',
  'snapshots.screenshot': 'View the screenshot',
  'snapshots.noScreenshot': 'No screenshot.',
  'snapshots.statement':
    'This snapshot proves that the Loa Số server received this content from the address above at the time recorded; it does not prove who wrote it, whether it is true, or that the page looked like this to every reader.',
  'snapshots.verifyHint':
    'Check the snapshot chain with: npm run cli -- verify-evidence. The SHA-256 of the downloaded body must equal the body SHA-256 above.',
};
