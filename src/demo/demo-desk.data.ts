import type { CategoryKey } from '../classification/classifier.rules.js';
import type { TicketState } from '../tickets/ticket-state.rules.js';

/**
 * The sample desk `npm run demo` loads: who works it, who writes in, and what happened on each ticket.
 * Every address is on a domain reserved for examples (RFC 2606), so mail the desk queues for them goes nowhere;
 * phones are in ranges kept for fiction (US 555-01xx, Australia 0491 570 xxx, France 01 99 00 xx xx, Berlin
 * 030 23125 xxx) or are made up.
 */

export type DemoAgentKey = 'care' | 'supervisor';

export const DEMO_AGENTS: Record<
  DemoAgentKey,
  { email: string; displayName: string; role: 'agent' | 'supervisor' }
> = {
  supervisor: { email: 'quochung.supervisor@example.com', displayName: 'Lê Quốc Hùng', role: 'supervisor' },
  care: { email: 'minhthu.care@example.com', displayName: 'Trần Minh Thư', role: 'agent' },
};

export interface DemoCustomer {
  displayName: string;
  email: string;
  /** E.164. */
  phone: string;
  /** ISO 3166-1 alpha-2; anything but VN is overseas for routing. */
  country: string;
  timeZone: string;
  language: 'vi' | 'en';
  isVulnerable?: boolean;
}

const VN = { country: 'VN', timeZone: 'Asia/Ho_Chi_Minh', language: 'vi' } as const;

export const DEMO_CUSTOMERS = {
  mai: { ...VN, displayName: 'Nguyễn Thị Mai', email: 'mai.nguyen@example.com', phone: '+84901234567' },
  binh: { ...VN, displayName: 'Trần Văn Bình', email: 'binh.tran@example.net', phone: '+84912345678' },
  nam: { ...VN, displayName: 'Lê Hoàng Nam', email: 'hoangnam.le@example.com', phone: '+84983456789' },
  hoa: {
    ...VN,
    displayName: 'Phạm Thị Hoa',
    email: 'hoa.pham@example.org',
    phone: '+84862345678',
    isVulnerable: true,
  },
  tuan: { ...VN, displayName: 'Võ Minh Tuấn', email: 'tuan.vo@example.com', phone: '+84708123456' },
  trang: { ...VN, displayName: 'Đặng Thu Trang', email: 'thutrang.dang@example.net', phone: '+84387654321' },
  huy: { ...VN, displayName: 'Bùi Quang Huy', email: 'quanghuy.bui@example.com', phone: '+84936112233' },
  ngocAnh: { ...VN, displayName: 'Đỗ Ngọc Ánh', email: 'ngocanh.do@example.org', phone: '+84977445566' },
  thang: {
    ...VN,
    displayName: 'Hoàng Đức Thắng',
    email: 'ducthang.hoang@example.com',
    phone: '+84888123456',
  },
  linh: { ...VN, displayName: 'Ngô Phương Linh', email: 'phuonglinh.ngo@example.net', phone: '+84327889900' },
  khoa: { ...VN, displayName: 'Dương Văn Khoa', email: 'khoa.duong@example.com', phone: '+84903556677' },
  tam: { ...VN, displayName: 'Lý Thanh Tâm', email: 'thanhtam.ly@example.org', phone: '+84918223344' },
  bao: { ...VN, displayName: 'Trương Gia Bảo', email: 'giabao.truong@example.com', phone: '+84966778899' },
  ngan: { ...VN, displayName: 'Huỳnh Kim Ngân', email: 'kimngan.huynh@example.net', phone: '+84939112244' },
  son: { ...VN, displayName: 'Phan Thanh Sơn', email: 'thanhson.phan@example.com', phone: '+84945667788' },
  dieu: { ...VN, displayName: 'Mai Xuân Diệu', email: 'xuandieu.mai@example.org', phone: '+84975334455' },
  yen: { ...VN, displayName: 'Cao Thị Yến', email: 'yen.cao@example.com', phone: '+84899001122' },
  minh: { ...VN, displayName: 'Vũ Đức Minh', email: 'ducminh.vu@example.net', phone: '+84352667788' },
  ducAnh: {
    displayName: 'Nguyễn Đức Anh',
    email: 'ducanh.nguyen@example.com',
    phone: '+14085550123',
    country: 'US',
    timeZone: 'America/Los_Angeles',
    language: 'vi',
  },
  emily: {
    displayName: 'Emily Carter',
    email: 'emily.carter@example.com',
    phone: '+12025550173',
    country: 'US',
    timeZone: 'America/New_York',
    language: 'en',
  },
  baoNgoc: {
    displayName: 'Trần Bảo Ngọc',
    email: 'baongoc.tran@example.net',
    phone: '+61491570156',
    country: 'AU',
    timeZone: 'Australia/Melbourne',
    language: 'vi',
  },
  liam: {
    displayName: "Liam O'Brien",
    email: 'liam.obrien@example.net',
    phone: '+61491570159',
    country: 'AU',
    timeZone: 'Australia/Sydney',
    language: 'en',
  },
  camille: {
    displayName: 'Camille Laurent',
    email: 'camille.laurent@example.org',
    phone: '+33199001234',
    country: 'FR',
    timeZone: 'Europe/Paris',
    language: 'en',
  },
  thuHa: {
    displayName: 'Lê Thị Thu Hà',
    email: 'thuha.le@example.org',
    phone: '+33199001235',
    country: 'FR',
    timeZone: 'Europe/Paris',
    language: 'vi',
  },
  jonas: {
    displayName: 'Jonas Weber',
    email: 'jonas.weber@example.com',
    phone: '+493023125123',
    country: 'DE',
    timeZone: 'Europe/Berlin',
    language: 'en',
  },
} satisfies Record<string, DemoCustomer>;

export type DemoCustomerKey = keyof typeof DEMO_CUSTOMERS;

/** Something that happened on a ticket, `afterHours` after it arrived. */
export type DemoStep = { afterHours: number } & (
  | { by: DemoAgentKey; reply: string; nextState?: TicketState }
  | { by: DemoAgentKey; note: string }
  | { by: DemoAgentKey; state: TicketState }
  /** The customer adds to their complaint (only before the desk answers: see demo-desk.data.spec.ts). */
  | { customerWrites: string }
);

export interface DemoTicket {
  customer: DemoCustomerKey;
  channel: 'email' | 'web';
  /** What it is about: on the web form the customer's chosen topic; by mail, what the classifier must find. */
  category: CategoryKey;
  /** How long ago it arrived. */
  ageHours: number;
  subject: string;
  text: string;
  steps?: DemoStep[];
}

export const DEMO_TICKETS: DemoTicket[] = [
  // ---- fraud or tampering: urgent, Payments & fraud, supervisors alerted ----
  {
    customer: 'binh',
    channel: 'email',
    category: 'fraud_or_tampering',
    ageHours: 50,
    subject: 'Có giao dịch lạ trên thẻ sau khi đặt tour Hạ Long',
    text:
      'Chào Offtrack,\n\nSáng nay ngân hàng nhắn tin báo thẻ của tôi vừa thanh toán 18.500.000đ cho một tour ' +
      'Phú Quốc mà tôi không hề đặt. Giao dịch này không phải tôi thực hiện. Trước đó tôi chỉ đặt tour Hạ Long ' +
      '2 ngày 1 đêm, mã OTV-2026-004417.\n\nĐề nghị công ty kiểm tra gấp và chặn giao dịch giúp tôi.\n\nTrần Văn Bình',
    steps: [
      {
        afterHours: 0.4,
        by: 'care',
        note:
          'Đã gọi lại anh Bình qua số điện thoại trong hồ sơ: anh xác nhận không đặt tour Phú Quốc. ' +
          'Đã gửi thông tin giao dịch cho bộ phận đối soát và báo anh Hùng.',
      },
      {
        afterHours: 0.7,
        by: 'supervisor',
        reply:
          'Chào anh Bình,\n\nChúng tôi đã tạm ngưng booking Phú Quốc và chuyển giao dịch sang bộ phận đối soát ' +
          'với ngân hàng. Anh vui lòng gọi tổng đài ngân hàng để khóa thẻ. Chúng tôi sẽ báo kết quả trong ' +
          '2 ngày làm việc.\n\nLê Quốc Hùng – Offtrack Care',
        nextState: 'on_hold',
      },
    ],
  },
  {
    customer: 'emily',
    channel: 'email',
    category: 'fraud_or_tampering',
    ageHours: 20,
    subject: 'Fake Offtrack page asked for my card details',
    text:
      'Hello,\n\nYesterday I got an email that looked like it came from you about my Ha Long Bay cruise ' +
      '(booking OTV-2026-005102). The link opened a page that asked for my CVV and my bank login to ' +
      '"confirm" the booking. I typed my card number before I noticed the web address was wrong.\n\n' +
      'Was that really you? What should I do now?\n\nEmily',
    steps: [
      {
        afterHours: 0.5,
        by: 'care',
        reply:
          'Dear Emily,\n\nThat page was not ours: we never ask for a CVV or bank login by email. Please call ' +
          'your bank now and ask them to block the card. Your booking OTV-2026-005102 is safe and unchanged.\n\n' +
          'Minh Thư – Offtrack Care',
        nextState: 'open',
      },
      {
        afterHours: 1.5,
        by: 'supervisor',
        note: 'Đã báo tên miền giả mạo cho nhà đăng ký và nhờ IT thêm cảnh báo lừa đảo lên trang chủ.',
      },
    ],
  },
  {
    customer: 'hoa',
    channel: 'web',
    category: 'fraud_or_tampering',
    ageHours: 0.4,
    subject: 'Có người tự xưng là nhân viên Offtrack gọi điện đòi mã OTP',
    text:
      'Chiều nay có một người gọi cho tôi, tự xưng là nhân viên Offtrack, nói tour Đà Lạt của tôi bị lỗi ' +
      'và yêu cầu đọc mã OTP ngân hàng để hoàn tiền. Tôi đã lỡ đọc một mã. Tôi lớn tuổi, không rành điện ' +
      'thoại, mong công ty gọi lại cho tôi sớm.',
  },
  {
    customer: 'son',
    channel: 'email',
    category: 'fraud_or_tampering',
    ageHours: 100,
    subject: 'Hợp đồng tour bị sửa, yêu cầu chuyển vào số tài khoản khác',
    text:
      'Kính gửi Offtrack,\n\nTôi nhận được email hợp đồng tour Hạ Long OTV-2026-003981 nhưng nội dung bị ' +
      'thay đổi so với bản tôi đã ký: giá cao hơn và yêu cầu chuyển khoản vào một số tài khoản khác, mang ' +
      'tên cá nhân. Xin xác nhận giúp đây có phải email của công ty không.\n\nPhan Thanh Sơn',
    steps: [
      {
        afterHours: 0.3,
        by: 'care',
        reply:
          'Chào anh Sơn,\n\nEmail đó không phải của Offtrack. Anh tuyệt đối không chuyển tiền vào tài khoản ' +
          'đó. Tài khoản nhận tiền duy nhất của công ty có trong hợp đồng gốc anh đã ký.\n\nMinh Thư',
        nextState: 'open',
      },
      {
        afterHours: 2,
        by: 'supervisor',
        note: 'Hộp thư của đại lý bán tour bị chiếm quyền; IT đã đổi mật khẩu và rà soát các khách khác.',
      },
      {
        afterHours: 30,
        by: 'supervisor',
        reply:
          'Chào anh Sơn,\n\nChúng tôi đã xác minh: hộp thư của một đại lý bị xâm nhập và đã được khóa. ' +
          'Booking của anh giữ nguyên giá trong hợp đồng gốc. Cảm ơn anh đã báo sớm.\n\nLê Quốc Hùng',
        nextState: 'resolved',
      },
    ],
  },

  // ---- payment: double charges and refunds ----
  {
    customer: 'mai',
    channel: 'email',
    category: 'payment',
    ageHours: 70,
    subject: 'Bị trừ tiền hai lần khi thanh toán tour Đà Lạt',
    text:
      'Chào anh chị,\n\nTôi thanh toán tour Đà Lạt 3 ngày 2 đêm (OTV-2026-004102) bằng thẻ ATM, nhưng tài ' +
      'khoản bị trừ tiền hai lần, mỗi lần 6.200.000đ. Nhờ anh chị kiểm tra và hoàn lại khoản thừa.\n\nMai',
    steps: [
      {
        afterHours: 3,
        by: 'care',
        reply:
          'Chào chị Mai,\n\nCổng thanh toán chỉ ghi nhận một giao dịch thành công. Chị gửi giúp em ảnh sao kê ' +
          'có hai khoản trừ để em đối chiếu với ngân hàng nhé.\n\nMinh Thư',
      },
    ],
  },
  {
    customer: 'tuan',
    channel: 'web',
    category: 'payment',
    ageHours: 140,
    subject: 'Chưa nhận được tiền hoàn tour Phú Quốc',
    text:
      'Tôi được báo hoàn 4.500.000đ cho tour Phú Quốc OTV-2026-002877 từ ba tuần trước nhưng đến nay tài ' +
      'khoản vẫn chưa nhận được. Xin kiểm tra giúp.',
    steps: [
      {
        afterHours: 20,
        by: 'care',
        reply:
          'Chào anh Tuấn,\n\nKhoản hoàn đã được chuyển lại lần hai kèm mã giao dịch FT26110098. Anh sẽ nhận ' +
          'được trong 1–2 ngày làm việc.\n\nMinh Thư',
        nextState: 'resolved',
      },
      { afterHours: 60, by: 'care', state: 'closed' },
    ],
  },
  {
    customer: 'liam',
    channel: 'email',
    category: 'payment',
    ageHours: 30,
    subject: 'Charged twice for the Phu Quoc tour',
    text:
      'Hi there,\n\nI was charged twice for my Phu Quoc island tour, booking OTV-2026-005230: two payments of ' +
      'AUD 412 on my credit card on the same day. Could you refund the duplicate payment please?\n\nCheers,\nLiam',
    steps: [
      {
        afterHours: 5,
        by: 'care',
        note: 'Cổng thanh toán ghi nhận 2 lần thu do khách bấm lại khi trang chậm. Đã yêu cầu hoàn lần thứ hai.',
      },
      {
        afterHours: 6,
        by: 'care',
        reply:
          'Hi Liam,\n\nYou are right: the payment went through twice. We have refunded the duplicate; your ' +
          'bank should show it within 5–7 working days.\n\nMinh Thu – Offtrack Care',
        nextState: 'resolved',
      },
    ],
  },
  {
    customer: 'ngocAnh',
    channel: 'email',
    category: 'payment',
    ageHours: 8,
    subject: 'Xin hoàn tiền chênh lệch phòng đơn tour Hạ Long',
    text:
      'Chào Offtrack,\n\nĐoàn em đã ghép được phòng đôi nên không cần phòng đơn nữa. Em đã thanh toán phụ ' +
      'thu phòng đơn 1.200.000đ cho booking OTV-2026-005311, mong được hoàn lại khoản này.\n\nNgọc Ánh',
  },
  {
    customer: 'khoa',
    channel: 'email',
    category: 'payment',
    ageHours: 26,
    subject: 'Hóa đơn VAT sai mã số thuế công ty',
    text:
      'Chào anh chị,\n\nHóa đơn VAT cho tour Đà Lạt của công ty tôi (OTV-2026-004650) ghi sai mã số thuế. ' +
      'Nhờ anh chị xuất lại hóa đơn điều chỉnh giúp.\n\nDương Văn Khoa',
    steps: [
      {
        afterHours: 4,
        by: 'care',
        reply:
          'Chào anh Khoa,\n\nAnh gửi giúp em mã số thuế đúng và địa chỉ công ty theo giấy phép kinh doanh, ' +
          'kế toán sẽ xuất hóa đơn điều chỉnh trong ngày.\n\nMinh Thư',
      },
    ],
  },
  {
    customer: 'jonas',
    channel: 'email',
    category: 'payment',
    ageHours: 190,
    subject: 'Refund of my deposit for the Da Lat tour',
    text:
      'Hello,\n\nYou cancelled the Da Lat tour on 12 March because too few people signed up. I paid a deposit ' +
      'of EUR 150 by bank transfer (booking OTV-2026-001954). When will I get my money back?\n\nJonas Weber',
    steps: [
      {
        afterHours: 10,
        by: 'care',
        reply:
          'Dear Jonas,\n\nWe are sorry the tour did not run. The full deposit of EUR 150 was sent back to your ' +
          'bank account today, bank charges on our side.\n\nMinh Thu – Offtrack Care',
        nextState: 'resolved',
      },
      { afterHours: 72, by: 'supervisor', state: 'closed' },
    ],
  },
  {
    customer: 'yen',
    channel: 'web',
    category: 'payment',
    ageHours: 5,
    subject: 'Đã chuyển khoản nhưng đơn vẫn báo chưa thanh toán',
    text:
      'Tôi chuyển khoản 7.800.000đ cho tour Hạ Long OTV-2026-005388 từ hôm qua, nội dung ghi đúng mã ' +
      'booking, nhưng trang đặt tour vẫn báo chưa thanh toán. Tôi sợ bị hủy chỗ.',
    steps: [
      {
        afterHours: 1,
        by: 'care',
        note: 'Kế toán xác nhận đã nhận tiền, đang chờ đối soát cuối ngày. Giữ chỗ cho khách đến hết tuần.',
      },
    ],
  },

  // ---- cancellations under penalty terms ----
  {
    customer: 'huy',
    channel: 'email',
    category: 'cancellation',
    ageHours: 60,
    subject: 'Xin hủy tour Phú Quốc vì mẹ nhập viện',
    text:
      'Chào Offtrack,\n\nMẹ tôi vừa nhập viện nên gia đình tôi không đi được tour Phú Quốc ngày 20 tới ' +
      '(OTV-2026-004833). Tôi muốn hủy tour, xin cho biết phí hủy là bao nhiêu và có được miễn khi có giấy ' +
      'nhập viện không.\n\nBùi Quang Huy',
    steps: [
      {
        afterHours: 2,
        by: 'care',
        reply:
          'Chào anh Huy,\n\nEm rất tiếc về tin của gia đình anh. Hủy trước 7 ngày phí là 30% giá tour; nếu ' +
          'anh gửi giấy nhập viện, bên em sẽ xét giảm còn 10%. Anh gửi giấy qua email này giúp em nhé.\n\nMinh Thư',
      },
    ],
  },
  {
    customer: 'trang',
    channel: 'email',
    category: 'cancellation',
    ageHours: 120,
    subject: 'Huỷ tour Đà Lạt sao lại bị phạt 50%?',
    text:
      'Chào anh chị,\n\nTôi huỷ tour Đà Lạt OTV-2026-003320 trước ngày đi 5 ngày nhưng bị tính phí huỷ 50%. ' +
      'Lúc đặt, nhân viên nói chỉ phạt 30%. Đề nghị xem lại.\n\nĐặng Thu Trang',
    steps: [
      {
        afterHours: 5,
        by: 'care',
        note: 'Điều khoản: huỷ trước 3–6 ngày phạt 50%. Nhưng ghi âm cuộc gọi tư vấn có nói 30%. Xin ý kiến anh Hùng.',
      },
      {
        afterHours: 6,
        by: 'supervisor',
        reply:
          'Chào chị Trang,\n\nChúng tôi đã nghe lại cuộc gọi tư vấn: nhân viên đã báo phí 30%. Công ty áp dụng ' +
          'mức 30% như đã hứa và hoàn phần chênh lệch cho chị trong 3 ngày làm việc.\n\nLê Quốc Hùng',
        nextState: 'resolved',
      },
      { afterHours: 50, by: 'care', state: 'closed' },
    ],
  },
  {
    customer: 'thang',
    channel: 'web',
    category: 'cancellation',
    ageHours: 15,
    subject: 'Đổi ngày tour Hạ Long sang tuần sau',
    text:
      'Tôi muốn đổi tour Hạ Long 2 ngày 1 đêm OTV-2026-005120 từ thứ Bảy này sang thứ Bảy tuần sau. Có mất ' +
      'phí đổi ngày không?',
    steps: [
      {
        afterHours: 2,
        customerWrites: 'Bổ sung: đoàn tôi 4 người lớn, nếu tuần sau hết phòng thì cho tôi đi tuần kế tiếp.',
      },
    ],
  },
  {
    customer: 'camille',
    channel: 'email',
    category: 'cancellation',
    ageHours: 40,
    subject: 'Cancel my Ha Long Bay cruise – cancellation fee?',
    text:
      'Hello,\n\nMy flight to Hanoi was cancelled, so I need to cancel my Ha Long Bay cruise (OTV-2026-004901). ' +
      'What is the cancellation fee, and can I get a voucher instead?\n\nBest regards,\nCamille Laurent',
    steps: [
      {
        afterHours: 3,
        by: 'care',
        reply:
          'Dear Camille,\n\nCancelling 10 days before departure costs 20% of the price. Instead, we can move the ' +
          'whole amount to a voucher valid for 12 months, free of charge. Which would you prefer?\n\nMinh Thu',
      },
    ],
  },
  {
    customer: 'bao',
    channel: 'email',
    category: 'cancellation',
    ageHours: 12,
    subject: 'Muốn huỷ tour Phú Quốc vì dự báo có bão',
    text:
      'Chào Offtrack,\n\nDự báo tuần tới có bão vào Phú Quốc. Nếu tôi muốn huỷ tour OTV-2026-005260 thì phí ' +
      'huỷ thế nào? Hay công ty sẽ tự hoãn tour?\n\nGia Bảo',
    steps: [
      {
        afterHours: 1,
        by: 'supervisor',
        note: 'Đang theo dõi tin bão. Nếu tour bị huỷ do thời tiết thì khách được hoàn 100% hoặc đổi ngày miễn phí.',
      },
      { afterHours: 1.2, by: 'supervisor', state: 'open' },
    ],
  },
  {
    customer: 'tam',
    channel: 'email',
    category: 'cancellation',
    ageHours: 210,
    subject: 'Hủy 1 người trong đoàn tour Phú Quốc',
    text:
      'Chào anh chị,\n\nĐoàn tôi 5 người đi tour Phú Quốc OTV-2026-001733, nay có một người không đi được. ' +
      'Xin hủy 1 người và cho biết phí hủy.\n\nLý Thanh Tâm',
    steps: [
      {
        afterHours: 6,
        by: 'care',
        reply:
          'Chào chị Tâm,\n\nEm đã hủy một suất. Vì còn hơn 15 ngày trước khởi hành nên không mất phí; tiền ' +
          'suất đó được hoàn về thẻ đã thanh toán.\n\nMinh Thư',
        nextState: 'resolved',
      },
      { afterHours: 80, by: 'care', state: 'closed' },
    ],
  },
  {
    customer: 'baoNgoc',
    channel: 'email',
    category: 'cancellation',
    ageHours: 33,
    subject: 'Hủy tour Đà Lạt tháng sau, tôi đang ở Melbourne',
    text:
      'Chào Offtrack,\n\nTôi đang ở Melbourne, công việc thay đổi nên không về kịp. Tôi muốn hủy tour Đà Lạt ' +
      'OTV-2026-004477 tháng sau. Tiền hoàn có chuyển được về tài khoản ở Úc không?\n\nBảo Ngọc',
    steps: [
      {
        afterHours: 4,
        by: 'care',
        reply:
          'Chào chị Ngọc,\n\nHủy trước 30 ngày nên chị được hoàn 90%. Bên em chuyển được về tài khoản ở Úc, ' +
          'chị gửi giúp em tên ngân hàng, BSB và số tài khoản nhé.\n\nMinh Thư',
      },
    ],
  },
  {
    customer: 'linh',
    channel: 'web',
    category: 'cancellation',
    ageHours: 2,
    subject: 'Chính sách hủy tour khi bị ốm',
    text:
      'Em bị sốt xuất huyết, bác sĩ yêu cầu nghỉ 10 ngày nên không thể đi tour Hạ Long OTV-2026-005402 ' +
      'vào thứ Năm. Em có giấy của bệnh viện. Em muốn hủy thì có bị phạt không ạ?',
  },

  // ---- newsletter ----
  {
    customer: 'ngan',
    channel: 'email',
    category: 'newsletter',
    ageHours: 90,
    subject: 'Hủy đăng ký bản tin',
    text: 'Chào Offtrack,\n\nXin hủy đăng ký nhận bản tin hàng tuần giúp tôi. Cảm ơn.\n\nKim Ngân',
    steps: [
      {
        afterHours: 2,
        by: 'care',
        reply: 'Chào chị Ngân,\n\nEm đã gỡ địa chỉ của chị khỏi danh sách nhận bản tin.\n\nMinh Thư',
        nextState: 'resolved',
      },
      { afterHours: 48, by: 'care', state: 'closed' },
    ],
  },
  {
    customer: 'liam',
    channel: 'email',
    category: 'newsletter',
    ageHours: 6,
    subject: 'Unsubscribe me from your newsletter',
    text: 'Hi, please take me off your mailing list. I get three emails a week. Thanks, Liam',
  },
  {
    customer: 'minh',
    channel: 'email',
    category: 'newsletter',
    ageHours: 45,
    subject: 'Ngừng gửi email quảng cáo',
    text:
      'Tôi chưa bao giờ đăng ký nhưng ngày nào cũng nhận email quảng cáo tour của Offtrack. Đề nghị ngừng ' +
      'gửi.\n\nVũ Đức Minh',
    steps: [
      {
        afterHours: 3,
        by: 'care',
        reply:
          'Chào anh Minh,\n\nEm đã ngừng gửi email quảng cáo đến địa chỉ này. Xin lỗi anh vì sự phiền hà.\n\nMinh Thư',
        nextState: 'resolved',
      },
    ],
  },
  {
    customer: 'dieu',
    channel: 'web',
    category: 'newsletter',
    ageHours: 28,
    subject: 'Nhận bản tin bằng tiếng Anh',
    text: 'Tôi muốn nhận bản tin bằng tiếng Anh để gửi cho bạn nước ngoài đọc. Có được không?',
    steps: [
      {
        afterHours: 2,
        by: 'care',
        note: 'Hệ thống bản tin chưa có bản tiếng Anh; đã hỏi bộ phận marketing khi nào có.',
      },
    ],
  },
  {
    customer: 'thuHa',
    channel: 'email',
    category: 'newsletter',
    ageHours: 160,
    subject: 'Xin hủy nhận bản tin',
    text:
      'Chào Offtrack,\n\nMỗi ngày tôi nhận 3 email khuyến mãi, quá nhiều. Xin hủy nhận bản tin giúp tôi.\n\n' +
      'Thu Hà (Paris)',
    steps: [
      {
        afterHours: 4,
        by: 'care',
        reply: 'Chào chị Hà,\n\nEm đã hủy đăng ký bản tin cho địa chỉ của chị.\n\nMinh Thư',
        nextState: 'resolved',
      },
      { afterHours: 60, by: 'care', state: 'closed' },
    ],
  },

  // ---- personal-data requests ----
  {
    customer: 'nam',
    channel: 'email',
    category: 'privacy_request',
    ageHours: 75,
    subject: 'Yêu cầu xóa dữ liệu cá nhân',
    text:
      'Kính gửi Offtrack,\n\nTheo Nghị định 13/2023, tôi yêu cầu công ty xóa toàn bộ dữ liệu cá nhân của ' +
      'tôi, gồm số điện thoại, email và bản chụp CCCD.\n\nLê Hoàng Nam',
    steps: [
      {
        afterHours: 3,
        by: 'care',
        note: 'Khách còn booking OTV-2026-002210 đã xuất hóa đơn: phải giữ chứng từ kế toán 10 năm. Các dữ liệu khác xóa được.',
      },
      {
        afterHours: 4,
        by: 'supervisor',
        reply:
          'Chào anh Nam,\n\nĐể bảo vệ anh, chúng tôi cần xác minh danh tính trước khi xóa. Anh vui lòng trả lời ' +
          'từ email này kèm 4 số cuối CCCD. Riêng hóa đơn của booking cũ phải lưu theo luật kế toán.\n\nLê Quốc Hùng',
      },
    ],
  },
  {
    customer: 'camille',
    channel: 'email',
    category: 'privacy_request',
    ageHours: 18,
    subject: 'Please delete my personal data (GDPR)',
    text:
      'Hello,\n\nUnder the GDPR I ask you to delete my personal data, including the copy of my passport you ' +
      'keep for the cruise booking, once my trip is over.\n\nCamille Laurent',
    steps: [
      {
        afterHours: 2,
        by: 'care',
        reply:
          'Dear Camille,\n\nWe will delete your passport copy and contact details 30 days after your trip, ' +
          'and confirm to you in writing.\n\nMinh Thu',
        nextState: 'open',
      },
    ],
  },
  {
    customer: 'linh',
    channel: 'web',
    category: 'privacy_request',
    ageHours: 4,
    subject: 'Xin bản sao thông tin cá nhân công ty đang lưu',
    text: 'Tôi muốn biết công ty đang lưu những thông tin cá nhân nào của tôi và xin một bản sao.',
  },
  {
    customer: 'ducAnh',
    channel: 'email',
    category: 'privacy_request',
    ageHours: 96,
    subject: 'Xóa số điện thoại cũ khỏi hồ sơ',
    text:
      'Chào Offtrack,\n\nTôi đã chuyển sang Mỹ, số Việt Nam cũ giờ là của người khác. Xin xóa số điện thoại ' +
      'cũ khỏi hồ sơ của tôi.\n\nĐức Anh',
    steps: [
      {
        afterHours: 10,
        by: 'care',
        reply: 'Chào anh Đức Anh,\n\nEm đã xóa số cũ, hồ sơ của anh chỉ còn số ở Mỹ.\n\nMinh Thư',
        nextState: 'resolved',
      },
    ],
  },
  {
    customer: 'jonas',
    channel: 'email',
    category: 'privacy_request',
    ageHours: 52,
    subject: 'Please delete my passport scan',
    text:
      'Hello,\n\nMy tour is over. Please delete my passport scan and tell me what other personal data you ' +
      'still keep about me.\n\nJonas Weber',
    steps: [
      {
        afterHours: 6,
        by: 'care',
        note: 'Bản chụp hộ chiếu nằm trong hồ sơ booking OTV-2026-001954; cần anh Hùng duyệt xóa.',
      },
      {
        afterHours: 7,
        by: 'supervisor',
        reply:
          'Dear Jonas,\n\nBefore we delete anything we need to confirm it is you: please reply from this ' +
          'address with your date of birth as on the booking.\n\nLe Quoc Hung – Offtrack Care',
      },
    ],
  },

  // ---- general questions about Đà Lạt, Hạ Long and Phú Quốc ----
  {
    customer: 'mai',
    channel: 'email',
    category: 'general',
    ageHours: 22,
    subject: 'Tour Đà Lạt có phù hợp cho bé 3 tuổi không?',
    text:
      'Chào Offtrack,\n\nGia đình tôi muốn đi tour Đà Lạt 3 ngày 2 đêm với bé 3 tuổi. Lịch trình có nhiều ' +
      'đoạn đi bộ không, và xe có ghế cho trẻ em không?\n\nMai',
    steps: [
      {
        afterHours: 3,
        by: 'care',
        reply:
          'Chào chị Mai,\n\nLịch trình đi bộ nhẹ, khoảng 1 km mỗi ngày. Xe có ghế trẻ em nếu chị báo trước ' +
          '3 ngày. Chị muốn em giữ chỗ ngày nào ạ?\n\nMinh Thư',
      },
    ],
  },
  {
    customer: 'hoa',
    channel: 'web',
    category: 'general',
    ageHours: 10,
    subject: 'Tàu tham quan Hạ Long có lối cho xe lăn không?',
    text:
      'Tôi 78 tuổi, đi lại bằng xe lăn. Tàu tham quan vịnh Hạ Long có lối lên xuống cho xe lăn và nhà vệ ' +
      'sinh phù hợp không?',
    steps: [
      {
        afterHours: 1,
        by: 'care',
        reply:
          'Chào bác Hoa,\n\nTàu ngày thứ Ba và thứ Sáu có cầu dẫn và nhà vệ sinh cho xe lăn. Con sẽ gọi bác ' +
          'chiều nay để giữ chỗ ở tầng dưới.\n\nMinh Thư',
      },
    ],
  },
  {
    customer: 'emily',
    channel: 'email',
    category: 'general',
    ageHours: 13,
    subject: 'Best time of year to visit Phu Quoc?',
    text:
      'Hi! We are planning a family trip next year. Which months are best for the beaches on Phu Quoc, and ' +
      'do your tours include snorkelling?\n\nEmily',
  },
  {
    customer: 'liam',
    channel: 'email',
    category: 'general',
    ageHours: 68,
    subject: 'Do I need a visa for the Ha Long Bay tour?',
    text:
      'Hello, I am an Australian citizen flying into Hanoi for your Ha Long Bay tour. Do I need a visa ' +
      'before I travel, or can I get one on arrival?\n\nLiam',
    steps: [
      {
        afterHours: 5,
        by: 'care',
        reply:
          'Hi Liam,\n\nAustralians need an e-visa, applied for online before you fly; it usually takes 3 ' +
          'working days. Bring a printed copy to the airport.\n\nMinh Thu',
        nextState: 'resolved',
      },
    ],
  },
  {
    customer: 'ducAnh',
    channel: 'email',
    category: 'general',
    ageHours: 36,
    subject: 'Đưa bố mẹ từ Mỹ về đi Đà Lạt',
    text:
      'Chào Offtrack,\n\nTháng 12 tôi đưa bố mẹ (ngoài 70 tuổi) từ California về Việt Nam. Công ty có tour ' +
      'Đà Lạt nhịp độ chậm, có xe đón ở sân bay Liên Khương không?\n\nĐức Anh',
    steps: [
      {
        afterHours: 6,
        by: 'care',
        reply:
          'Chào anh Đức Anh,\n\nBên em có tour Đà Lạt riêng cho gia đình, xe đón tại Liên Khương và lịch ' +
          'trình nghỉ trưa mỗi ngày. Em gửi anh báo giá trong hôm nay nhé.\n\nMinh Thư',
      },
    ],
  },
  {
    customer: 'baoNgoc',
    channel: 'email',
    category: 'general',
    ageHours: 1.5,
    subject: 'Tour Phú Quốc có đón ở sân bay không?',
    text:
      'Chào Offtrack,\n\nTháng tới tôi bay từ Melbourne về Phú Quốc. Tour 4 ngày có xe đón ở sân bay Phú ' +
      'Quốc không, và có phòng cho trẻ em không?\n\nBảo Ngọc',
  },
  {
    customer: 'jonas',
    channel: 'email',
    category: 'general',
    ageHours: 230,
    subject: 'Vegetarian meals on the Ha Long Bay cruise?',
    text: 'Hello, my wife is vegetarian. Can the cruise kitchen cook vegetarian meals for her?\n\nJonas',
    steps: [
      {
        afterHours: 8,
        by: 'care',
        reply:
          'Dear Jonas,\n\nYes: the kitchen cooks vegetarian dishes on request. We have noted it on your ' +
          'booking.\n\nMinh Thu',
        nextState: 'resolved',
      },
      { afterHours: 100, by: 'care', state: 'closed' },
    ],
  },
  {
    customer: 'khoa',
    channel: 'email',
    category: 'general',
    ageHours: 7,
    subject: 'Lịch trình tour Đà Lạt 3 ngày 2 đêm cho đoàn công ty',
    text:
      'Chào Offtrack,\n\nCông ty tôi có 25 người muốn đi Đà Lạt 3 ngày 2 đêm vào cuối tháng. Nhờ gửi lịch ' +
      'trình chi tiết và báo giá cho đoàn.\n\nDương Văn Khoa',
    steps: [
      {
        afterHours: 0.5,
        by: 'care',
        note: 'Đoàn 25 người: chuyển cho nhóm tour đoàn báo giá, hẹn trả lời trong ngày.',
      },
      { afterHours: 0.6, by: 'care', state: 'open' },
    ],
  },
  {
    customer: 'thang',
    channel: 'email',
    category: 'general',
    ageHours: 150,
    subject: 'Thời tiết Hạ Long tháng 12 có đi tàu được không?',
    text:
      'Chào Offtrack,\n\nTháng 12 ở Hạ Long có lạnh và sương mù nhiều không, tàu có chạy bình thường ' +
      'không? Tôi định đi cùng bố mẹ.\n\nĐức Thắng',
  },
  {
    customer: 'camille',
    channel: 'email',
    category: 'general',
    ageHours: 84,
    subject: 'Is Da Lat worth visiting in the rainy season?',
    text:
      'Hello again,\n\nIf I come in August instead, is Da Lat still nice in the rainy season? Do the tours ' +
      'still go to the waterfalls?\n\nCamille',
    steps: [
      {
        afterHours: 9,
        by: 'care',
        reply:
          'Dear Camille,\n\nAugust rain usually falls in the afternoon, so the waterfall visits are in the ' +
          'morning. The tour runs all year.\n\nMinh Thu',
      },
    ],
  },
  {
    customer: 'tam',
    channel: 'web',
    category: 'general',
    ageHours: 0.2,
    subject: 'Tour Phú Quốc có gồm vé cáp treo Hòn Thơm không?',
    text: 'Cho tôi hỏi tour Phú Quốc 3 ngày 2 đêm đã gồm vé cáp treo Hòn Thơm chưa, hay phải mua thêm?',
  },
];
