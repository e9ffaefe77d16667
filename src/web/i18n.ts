import type { Language } from '../tickets/ticket.entity.js';

const vi = {
  'site.name': 'Offtrack Travel — Chăm sóc khách hàng',
  'site.skip': 'Bỏ qua đến nội dung chính',
  'nav.complaint': 'Gửi khiếu nại',
  'nav.status': 'Theo dõi yêu cầu',
  'nav.procedure': 'Quy trình giải quyết khiếu nại',
  'nav.privacy': 'Chính sách bảo mật',
  'language.switch': 'English',
  'complaint.title': 'Gửi khiếu nại hoặc yêu cầu hỗ trợ',
  'complaint.intro':
    'Chúng tôi ghi nhận mọi khiếu nại và phản hồi trong thời hạn luật định. Các mục có dấu * là bắt buộc.',
  'complaint.name': 'Họ và tên *',
  'complaint.email': 'Email *',
  'complaint.phone': 'Số điện thoại',
  'complaint.phoneHint': 'Ví dụ 0912 345 678 hoặc +61 412 345 678',
  'complaint.bookingReference': 'Mã đặt tour (nếu có)',
  'complaint.topic': 'Chủ đề *',
  'complaint.description': 'Nội dung *',
  'complaint.attachments': 'Tệp đính kèm',
  'complaint.attachmentsHint': 'Tối đa 5 tệp, mỗi tệp 10 MB: ảnh, PDF, Word, Excel hoặc văn bản.',
  'complaint.consent':
    'Tôi đồng ý để Offtrack Travel xử lý dữ liệu cá nhân của tôi để giải quyết yêu cầu này, theo',
  'complaint.newsletter': 'Tôi muốn nhận bản tin du lịch của Offtrack Travel (có thể hủy bất cứ lúc nào).',
  'complaint.submit': 'Gửi yêu cầu',
  'complaint.errorSummary': 'Vui lòng sửa các mục được đánh dấu bên dưới.',
  'topic.fraud_or_tampering': 'Gian lận, giao dịch bị giả mạo hoặc bị sửa đổi — khẩn cấp',
  'topic.payment': 'Thanh toán, hoàn tiền',
  'topic.cancellation': 'Hủy hoặc đổi tour',
  'topic.newsletter': 'Bản tin, thư quảng cáo',
  'topic.privacy_request': 'Dữ liệu cá nhân (xem, sửa, xóa, rút lại đồng ý)',
  'topic.general': 'Chất lượng dịch vụ hoặc vấn đề khác',
  'error.required': 'Vui lòng điền mục này.',
  'error.email': 'Địa chỉ email không hợp lệ.',
  'error.phone': 'Số điện thoại không hợp lệ.',
  'error.tooLong': 'Nội dung quá dài.',
  'error.tooShort': 'Vui lòng mô tả chi tiết hơn (ít nhất 10 ký tự).',
  'error.consent': 'Cần có sự đồng ý của quý khách để chúng tôi xử lý yêu cầu.',
  'error.topic': 'Vui lòng chọn chủ đề.',
  'error.tooManyFiles': 'Tối đa 5 tệp.',
  'error.fileTooLarge': 'Mỗi tệp tối đa 10 MB.',
  'error.fileType': 'Loại tệp này không được chấp nhận.',
  'error.rateLimited': 'Quý khách đã gửi nhiều yêu cầu liên tiếp. Vui lòng thử lại sau ít phút.',
  'error.csrf': 'Phiên làm việc đã hết hạn. Vui lòng tải lại trang và gửi lại.',
  'filed.title': 'Chúng tôi đã nhận được yêu cầu của quý khách',
  'filed.number': 'Mã số yêu cầu',
  'filed.next':
    'Chúng tôi đã gửi email xác nhận kèm đường dẫn theo dõi yêu cầu. Nhân viên sẽ phản hồi trong vòng 3 ngày làm việc; với khiếu nại về gian lận, chúng tôi xử lý ngay.',
  'status.title': 'Yêu cầu {number}',
  'status.state': 'Trạng thái',
  'status.thread': 'Trao đổi',
  'status.you': 'Quý khách',
  'status.us': 'Offtrack Travel',
  'status.reply': 'Trả lời',
  'status.send': 'Gửi trả lời',
  'status.sent': 'Đã gửi trả lời của quý khách.',
  'status.closedNote': 'Yêu cầu này đã đóng. Nếu cần hỗ trợ thêm, xin gửi yêu cầu mới.',
  'state.new': 'Đã tiếp nhận — đang chờ nhân viên xem xét',
  'state.open': 'Đang xử lý',
  'state.pending_customer': 'Đang chờ thông tin từ quý khách',
  'state.on_hold': 'Đang chờ bên thứ ba (khách sạn, ngân hàng…)',
  'state.resolved': 'Đã giải quyết — quý khách có thể trả lời nếu chưa hài lòng',
  'state.closed': 'Đã đóng',
  'state.merged': 'Đã gộp vào một yêu cầu khác',
  'lookup.title': 'Theo dõi yêu cầu',
  'lookup.intro':
    'Nhập mã số yêu cầu và email đã dùng khi gửi. Chúng tôi sẽ gửi đường dẫn theo dõi mới tới email đó.',
  'lookup.number': 'Mã số yêu cầu (ví dụ OT#100231) *',
  'lookup.submit': 'Gửi đường dẫn',
  'lookup.sent':
    'Nếu mã số và email khớp với một yêu cầu, chúng tôi đã gửi đường dẫn theo dõi tới email đó. Đường dẫn có hiệu lực trong 30 ngày.',
  'link.invalid': 'Đường dẫn không hợp lệ hoặc đã hết hạn. Quý khách có thể yêu cầu đường dẫn mới.',
  'procedure.title': 'Quy trình giải quyết khiếu nại',
  'privacy.title': 'Chính sách bảo mật',
  'procedure.intro':
    'Offtrack Travel tiếp nhận và giải quyết mọi khiếu nại theo Luật Bảo vệ quyền lợi người tiêu dùng 2023 và Nghị định 55/2024.',
  'procedure.channels': 'Kênh tiếp nhận',
  'procedure.channelMail': 'Email tới địa chỉ chính thức: {address}',
  'procedure.channelWeb': 'Biểu mẫu khiếu nại trên trang này',
  'procedure.steps': 'Các bước',
  'procedure.step1': 'Chúng tôi xác nhận ngay khi nhận được, kèm mã số yêu cầu và đường dẫn theo dõi.',
  'procedure.step2':
    'Yêu cầu được chuyển tới bộ phận phụ trách; nhân viên phản hồi trong vòng {firstResponse}.',
  'procedure.step3': 'Chúng tôi thương lượng hoặc trả lời bằng văn bản trong vòng {resolution}.',
  'procedure.step4':
    'Quý khách theo dõi và trả lời qua đường dẫn theo dõi hoặc trả lời email, giữ mã số trong tiêu đề.',
  'procedure.priority': 'Trường hợp ưu tiên',
  'procedure.priorityFraud':
    'Gian lận, giao dịch bị giả mạo hoặc sửa đổi: giao dịch được tạm ngưng để xác minh; phản hồi trong vòng {fraud}.',
  'procedure.priorityVulnerable':
    'Người tiêu dùng dễ bị tổn thương (người cao tuổi, người khuyết tật…) được ưu tiên xử lý.',
  'procedure.priorityPrivacy': 'Yêu cầu về dữ liệu cá nhân: phản hồi đầu tiên trong vòng {privacy}.',
  'procedure.hours':
    'Thời hạn tính theo ngày làm việc (Thứ Hai–Thứ Sáu, trừ ngày lễ); ngày nhận yêu cầu không tính.',
  'privacy.englishNote': '',
  'error.pageTitle': 'Đã có lỗi',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  'site.name': 'Offtrack Travel — Customer care',
  'site.skip': 'Skip to main content',
  'nav.complaint': 'Make a complaint',
  'nav.status': 'Follow a request',
  'nav.procedure': 'Complaint procedure',
  'nav.privacy': 'Privacy policy',
  'language.switch': 'Tiếng Việt',
  'complaint.title': 'Make a complaint or ask for help',
  'complaint.intro':
    'We record every complaint and answer within the legal time limits. Fields marked * are required.',
  'complaint.name': 'Full name *',
  'complaint.email': 'Email *',
  'complaint.phone': 'Phone',
  'complaint.phoneHint': 'For example +61 412 345 678 or 0912 345 678',
  'complaint.bookingReference': 'Booking reference (if any)',
  'complaint.topic': 'Topic *',
  'complaint.description': 'Your message *',
  'complaint.attachments': 'Attachments',
  'complaint.attachmentsHint': 'Up to 5 files of 10 MB each: images, PDF, Word, Excel or text.',
  'complaint.consent':
    'I agree that Offtrack Travel processes my personal data to handle this request, under the',
  'complaint.newsletter': "I'd like Offtrack Travel's travel newsletter (unsubscribe at any time).",
  'complaint.submit': 'Send',
  'complaint.errorSummary': 'Please correct the fields marked below.',
  'topic.fraud_or_tampering': 'Fraud, forged or altered transaction — urgent',
  'topic.payment': 'Payment or refund',
  'topic.cancellation': 'Cancelling or changing a tour',
  'topic.newsletter': 'Newsletter or marketing mail',
  'topic.privacy_request': 'My personal data (see, correct, delete, withdraw consent)',
  'topic.general': 'Service quality or anything else',
  'error.required': 'Please fill this in.',
  'error.email': 'This email address is not valid.',
  'error.phone': 'This phone number is not valid.',
  'error.tooLong': 'This is too long.',
  'error.tooShort': 'Please tell us a little more (at least 10 characters).',
  'error.consent': 'We need your consent to handle your request.',
  'error.topic': 'Please choose a topic.',
  'error.tooManyFiles': 'At most 5 files.',
  'error.fileTooLarge': 'Each file may be 10 MB at most.',
  'error.fileType': 'This kind of file is not accepted.',
  'error.rateLimited': 'You have sent several requests in a row. Please try again in a few minutes.',
  'error.csrf': 'Your session expired. Please reload the page and send again.',
  'filed.title': 'We have received your request',
  'filed.number': 'Request number',
  'filed.next':
    'We have emailed you a confirmation with a link to follow your request. Our team answers within 3 working days; fraud reports are handled at once.',
  'status.title': 'Request {number}',
  'status.state': 'Status',
  'status.thread': 'Messages',
  'status.you': 'You',
  'status.us': 'Offtrack Travel',
  'status.reply': 'Reply',
  'status.send': 'Send reply',
  'status.sent': 'Your reply was sent.',
  'status.closedNote': 'This request is closed. If you need more help, please make a new request.',
  'state.new': 'Received — waiting for our team',
  'state.open': 'Being handled',
  'state.pending_customer': 'Waiting for information from you',
  'state.on_hold': 'Waiting for a third party (hotel, bank…)',
  'state.resolved': 'Resolved — reply if you are not satisfied',
  'state.closed': 'Closed',
  'state.merged': 'Merged into another request',
  'lookup.title': 'Follow a request',
  'lookup.intro': 'Enter the request number and the email you used. We will send a fresh link to that email.',
  'lookup.number': 'Request number (for example OT#100231) *',
  'lookup.submit': 'Send me a link',
  'lookup.sent':
    'If the number and email match a request, we have sent a link to that email. The link works for 30 days.',
  'link.invalid': 'This link is not valid or has expired. You can ask for a new one.',
  'procedure.title': 'Complaint procedure',
  'privacy.title': 'Privacy policy',
  'procedure.intro':
    'Offtrack Travel receives and resolves every complaint under the Consumer Protection Law 2023 and Decree 55/2024.',
  'procedure.channels': 'Where to complain',
  'procedure.channelMail': 'Email to our official address: {address}',
  'procedure.channelWeb': 'The complaint form on this site',
  'procedure.steps': 'Steps',
  'procedure.step1': 'We acknowledge at once, with a request number and a link to follow it.',
  'procedure.step2': 'Your request goes to the team in charge; they answer within {firstResponse}.',
  'procedure.step3': 'We negotiate with you or answer in writing within {resolution}.',
  'procedure.step4':
    'Follow and reply through your link, or reply to our email keeping the number in the subject.',
  'procedure.priority': 'Priority cases',
  'procedure.priorityFraud':
    'Fraud, forged or altered transactions: the transaction is suspended for verification; we answer within {fraud}.',
  'procedure.priorityVulnerable':
    'Vulnerable consumers (the elderly, people with disabilities…) are handled first.',
  'procedure.priorityPrivacy': 'Requests about your personal data: first reply within {privacy}.',
  'procedure.hours':
    'Days are working days (Monday to Friday, public holidays excepted); the day we receive a request does not count.',
  'privacy.englishNote': 'An English rendering of the policy; the Vietnamese text is the one published.',
  'error.pageTitle': 'Something went wrong',
};

const MESSAGES: Record<Language, Record<MessageKey, string>> = { vi, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  return (key, values = {}) =>
    MESSAGES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** The page language: an explicit choice (?lang or the cookie it set), else the browser's, else Vietnamese. */
export function pickLanguage(chosen: string | undefined, acceptLanguage: string | undefined): Language {
  if (chosen === 'vi' || chosen === 'en') return chosen;
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, quality] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), quality: quality === undefined ? 1 : Number(quality) };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of preferred) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
