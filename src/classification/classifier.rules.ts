import { foldForSearch, normalizeText } from '../common/text/search-text.js';

export const CATEGORY_KEYS = [
  'fraud_or_tampering',
  'payment',
  'cancellation',
  'newsletter',
  'privacy_request',
  'general',
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];

export interface KeywordList {
  categoryKey: string;
  keywords: string[];
}

/**
 * The lists a fresh install starts with, in precedence order; `general` has none because it is the fallback.
 * Matching folds diacritics, so 'hủy' and 'huỷ' (old and new tone placement) are one keyword, and so are
 * 'hóa đơn' and 'hoá đơn'. Bare 'hủy' folds to 'huy', the given name Huy, so only phrases with it are listed.
 * Unmarked text matches any keyword with the same letters, so every keyword must also be safe unmarked:
 * 'vé giả' would be "hoi ve gia tour", 'hoãn sang' "hoan sang tai khoan", 'số của tôi' "so cua toi la 09…".
 */
export const DEFAULT_KEYWORD_LISTS: KeywordList[] = [
  {
    categoryKey: 'fraud_or_tampering',
    keywords: [
      'lừa đảo',
      'bị lừa',
      'lừa tiền',
      'lừa gạt',
      'trò lừa',
      'chiêu lừa',
      'giả mạo',
      'mạo danh',
      'mạo nhận',
      'giả danh',
      'mượn danh',
      'mạo tên',
      'danh nghĩa công ty',
      'lấy danh nghĩa',
      'dùng tên công ty',
      'lấy tên công ty',
      'giả làm nhân viên',
      'gian lận',
      'tự xưng là',
      'xưng là nhân viên',
      'xưng là người của',
      'tự nhận là',
      'nhận là nhân viên',
      'nhân viên giả',
      'có phải nhân viên',
      'có phải người của',
      'có phải của công ty',
      'có phải của bên',
      'có phải trang của',
      'có phải email của',
      'có phải số của',
      'có gọi thật không',
      'đáng ngờ',
      'khả nghi',
      'cuộc gọi lạ',
      'người lạ gọi',
      'tin nhắn lạ',
      'trúng thưởng',
      'trúng voucher',
      'trúng giải',
      'chặn tôi',
      'chặn mình',
      'chặn em',
      'block tôi',
      'block mình',
      'block em',
      'chặn liên lạc',
      'bị thay đổi nội dung',
      'nội dung bị thay đổi',
      'thông tin bị thay đổi',
      'không hề yêu cầu',
      'không hề sửa',
      'trái phép',
      'tôi không đặt',
      'ai đó đã chỉnh',
      'ai đó đã sửa',
      'ai đó đã thay đổi',
      'ai đó đã dùng',
      'ai đó đã sử dụng',
      'ai đó đã đăng nhập',
      'ai đó đã vào',
      'ai đó đã đặt',
      'ai đó dùng',
      'ai đó sử dụng',
      'ai đã sửa',
      'ai đã chỉnh',
      'bị chỉnh sửa',
      'bị sửa',
      'sửa hợp đồng',
      'bản tôi đã ký',
      'bản tôi ký',
      'đánh tráo',
      'số tài khoản khác',
      'số tài khoản mới',
      'bị làm giả',
      'giấy tờ giả',
      'hợp đồng giả',
      'trang web giả',
      'website giả',
      'fanpage giả',
      'tạm ngưng giao dịch',
      'giao dịch bị tạm ngưng',
      'dừng giao dịch',
      'chặn giao dịch',
      'tạm khóa',
      'bị chiếm tài khoản',
      'tài khoản bị chiếm',
      'bị chiếm đoạt',
      'chiếm quyền',
      'thông tin bị đánh cắp',
      'tài khoản bị đánh cắp',
      'thẻ bị đánh cắp',
      'bị đánh cắp thông tin',
      'thẻ bị tạm ngưng',
      'tài khoản bị tạm ngưng',
      'có giao dịch lạ',
      'một giao dịch lạ',
      'phát sinh giao dịch lạ',
      'khóa thẻ',
      'khóa tài khoản',
      'nghi ngờ gian lận',
      'không thực hiện giao dịch',
      'không phải tôi thực hiện',
      'không phải do tôi thực hiện',
      'không do tôi thực hiện',
      'giao dịch không phải của tôi',
      'không hề mua tour',
      'không mua tour nào',
      'không hề thanh toán',
      'không hề giao dịch',
      'không hề đăng nhập',
      'dùng thẻ của tôi',
      'không hề đặt',
      'không phải tôi đặt',
      'có người đăng nhập',
      'người khác đăng nhập',
      'người lạ đăng nhập',
      'đăng nhập tài khoản của tôi',
      'vào được tài khoản',
      'vào tài khoản của tôi',
      'bị người khác dùng',
      'bị người khác sử dụng',
      'mật khẩu bị đổi',
      'bị đổi mật khẩu',
      'bị hack',
      'bị xâm nhập',
      'link thanh toán lạ',
      'nhận được email lạ',
      'nhận email lạ',
      'một email lạ',
      'đường link lạ',
      'bấm vào link lạ',
      'mang tên cá nhân',
      'tài khoản cá nhân',
      'đọc mã otp',
      'đọc otp',
      'cung cấp mã otp',
      'cung cấp otp',
      'gửi mã otp cho',
      'đọc mã xác thực',
      'cung cấp mã xác thực',
      'yêu cầu gửi mã xác thực',
      'yêu cầu gửi mã otp',
      'asked for my cvv',
      'bank login',
      'fraud',
      'fraudulent',
      'scam',
      'scammed',
      'scammer',
      'a scam',
      'conned',
      'swindled',
      'con artist',
      'phishing',
      'spoofed',
      'forged',
      'forgery',
      'is forged',
      'was forged',
      'been forged',
      'fake',
      'counterfeit',
      'tampered',
      'tampering',
      'altered',
      'edited',
      'doctored',
      'impersonate',
      'impersonating',
      'impersonation',
      'impersonator',
      'pretend to be',
      'pretending to be',
      'pretended to be',
      'pretends to be',
      'posing as',
      'claiming to be from',
      'claimed to be from',
      'claims to be from',
      'claiming to be your',
      'claimed to be your',
      'claims to be your',
      'claiming to work for',
      'claimed to work for',
      'saying he was from',
      'saying she was from',
      'saying they were from',
      'said he was from',
      'said she was from',
      'said they were from',
      'saying he works for',
      'saying she works for',
      'said he works for',
      'said she works for',
      'is this really you',
      'really from you',
      'actually from you',
      'not from you',
      'is this from you',
      'is this legit',
      'is it legit',
      'is this legitimate',
      'is this genuine',
      'lookalike',
      'look-alike',
      'new bank account',
      'different bank account',
      'another bank account',
      'personal bank account',
      'changed bank details',
      'bank details changed',
      'new account number',
      'different account number',
      'chargeback',
      'unauthorised',
      'unauthorized',
      'did not authorise',
      'did not authorize',
      'never authorised',
      'never authorized',
      'not authorised',
      'not authorized',
      'never booked',
      'booking i never',
      'bookings i never',
      'charge i never',
      'charges i never',
      'payment i never',
      'payments i never',
      'transaction i never',
      'booking i did not',
      'charge i did not',
      'payment i did not',
      'transaction i did not',
      "booking i didn't",
      "charge i didn't",
      "payment i didn't",
      'never made this',
      'never made these',
      'never made that',
      'never made a booking',
      'never made any',
      'did not make this',
      'did not make these',
      'did not make that',
      "didn't make this",
      "didn't make these",
      "didn't make that",
      'not made by me',
      'not by me',
      'not my booking',
      'never bought',
      'never purchased',
      'never used your company',
      'never heard of your',
      'used my card',
      'someone used my card',
      'someone used my account',
      'someone used my details',
      'someone used my name',
      'someone is using my card',
      'someone is using my account',
      'someone is using my name',
      'stolen card',
      'card was stolen',
      'skimmed',
      'skimming',
      'cloned',
      'unrecognised charge',
      'unrecognized charge',
      'do not recognise',
      "don't recognise",
      'do not recognize',
      "don't recognize",
      'unknown charge',
      'unknown transaction',
      'hacked',
      'logged into my account',
      'someone logged',
      'someone accessed',
      'accessed my account',
      'account compromised',
      'account was compromised',
      'compromised',
      'password was changed',
      'password has been changed',
      'identity theft',
      'it was not me',
      'someone has changed',
      'someone has modified',
      'someone changed',
      'someone modified',
      'was not me',
      "wasn't me",
      'without my knowledge',
      'blocked me',
      'suspicious',
      'asked for my otp',
      'asked for the otp',
      'asked me for the otp',
      'asked for the code',
      'asked me for the code',
      'asked for my pin',
      'asked for my card pin',
      'asked for the verification code',
      'read out the code',
      'to a personal account',
      'into a personal account',
      'to his personal',
      'to her personal',
      'into his personal',
      'into her personal',
      'transaction suspended',
      'suspended for verification',
    ],
  },
  {
    categoryKey: 'payment',
    keywords: [
      'thanh toán',
      'trừ tiền hai lần',
      'trừ tiền 2 lần',
      'trừ hai lần',
      'trừ 2 lần',
      'trừ tiền',
      'bị trừ',
      'đã trừ',
      'khoản trừ',
      'sao kê',
      'tính phí hai lần',
      'tính tiền hai lần',
      'bị tính phí',
      'tính tiền',
      'tính sai',
      'tính nhầm',
      'tính dư',
      'tính thêm',
      'tính giá',
      'sai giá',
      'giao dịch thất bại',
      'giao dịch không thành công',
      'giao dịch lỗi',
      'hoàn tiền',
      'hoàn lại tiền',
      'hoàn lại',
      'tiền hoàn',
      'hoàn trả',
      'hoàn phí',
      'trả lại tiền',
      'chưa nhận được tiền',
      'không nhận được tiền',
      'chưa được hoàn',
      'tiền chưa về',
      'chưa thấy tiền',
      'tiền về tài khoản',
      'tiền thừa',
      'tiền dư',
      'trả dư',
      'chuyển dư',
      'chuyển thừa',
      'chuyển nhầm',
      'chuyển thiếu',
      'tiền còn thiếu',
      'phần tiền',
      'trả tiền',
      'trả bằng',
      'trả trước',
      'trả sau',
      'trả nốt',
      'chuyển nốt',
      'trả một nửa',
      'trả một phần',
      'đóng tiền',
      'nộp tiền',
      'chuyển khoản',
      'chuyển tiền',
      'số tài khoản',
      'tài khoản ngân hàng',
      'đặt cọc',
      'tiền cọc',
      'hoàn cọc',
      'lấy lại tiền',
      'phần còn lại',
      'tiền chênh lệch',
      'chênh lệch',
      'hóa đơn',
      'hóa đơn đỏ',
      'hóa đơn vat',
      'xuất hóa đơn',
      'mã số thuế',
      'vat',
      'chứng từ',
      'phiếu thu',
      'biên lai',
      'phụ phí',
      'phụ thu',
      'thu thêm',
      'phí phát sinh',
      'khoản phí',
      'phí ngân hàng',
      'phí giao dịch',
      'mất phí',
      'giữ tiền',
      'nhả tiền',
      'thẻ tín dụng',
      'thẻ ghi nợ',
      'thẻ atm',
      'thẻ quốc tế',
      'thẻ ngân hàng',
      'quẹt thẻ',
      'thẻ bị từ chối',
      'sai số tiền',
      'tỷ giá',
      'tỉ giá',
      'quy đổi',
      'ngoại tệ',
      'ví momo',
      'momo',
      'zalopay',
      'vnpay',
      'mastercard',
      'paypal',
      'apple pay',
      'google pay',
      'trả góp',
      'payment',
      'pay by',
      'pay with',
      'pay in',
      'pay half',
      'pay the rest',
      'pay later',
      'pay online',
      'how to pay',
      'how can i pay',
      'how do i pay',
      'way to pay',
      'ways to pay',
      'refund',
      'money back',
      'my money',
      'received the money',
      'receive the money',
      'difference back',
      'price difference',
      'charged twice',
      'double charged',
      'charged',
      'overcharged',
      'overpaid',
      'paid too much',
      'paid twice',
      'paid extra',
      'underpaid',
      'billed',
      'final bill',
      'than quoted',
      'than the quote',
      'quoted price',
      'debited',
      'deducted',
      'taken from my account',
      'money was taken',
      'money taken',
      'withdrawn from my account',
      'payment failed',
      'transaction failed',
      'went through twice',
      'pending charge',
      'pending transaction',
      'hold on my card',
      'duplicate payment',
      'wrong amount',
      'card declined',
      'card was declined',
      'getting declined',
      'payment declined',
      'extra charge',
      'additional charge',
      'hidden fee',
      'hidden charge',
      'surcharge',
      'charge on my',
      'balance due',
      'final balance',
      'by card',
      'checkout',
      'invoice',
      'tax invoice',
      'vat invoice',
      'tax document',
      'tax code',
      'receipt',
      'reimburse',
      'reimbursement',
      'deposit',
      'bank transfer',
      'wire transfer',
      'bank account',
      'bank details',
      'transfer fee',
      'credit card',
      'exchange rate',
      'currency conversion',
      'conversion fee',
      'foreign transaction fee',
      'pay the balance',
      'pay the difference',
      'instalment',
      'installment',
    ],
  },
  {
    categoryKey: 'privacy_request',
    keywords: [
      'dữ liệu cá nhân',
      'thông tin cá nhân',
      'dữ liệu',
      'xóa thông tin',
      'xóa dữ liệu',
      'xóa tài khoản',
      'xóa hồ sơ',
      'xóa bản chụp',
      'xóa số điện thoại',
      'xóa email',
      'xóa địa chỉ',
      'xóa toàn bộ',
      'xóa hết',
      'xóa ảnh',
      'xóa hình',
      'xóa video',
      'gỡ ảnh',
      'gỡ hình',
      'gỡ video',
      'gỡ bài',
      'gỡ xuống',
      'khỏi hệ thống',
      'yêu cầu xóa',
      'đề nghị xóa',
      'xin xóa',
      'lưu những thông tin',
      'lưu thông tin',
      'lưu về tôi',
      'lưu bao lâu',
      'lưu trong bao lâu',
      'giữ thông tin',
      'lưu giữ thông tin',
      'lưu giữ những gì',
      'những gì về tôi',
      'thông tin về tôi',
      'thông tin của tôi',
      'hồ sơ của tôi',
      'hồ sơ khách hàng',
      'trong hồ sơ',
      'sửa thông tin',
      'sửa lại thông tin',
      'chỉnh thông tin',
      'cập nhật lại thông tin',
      'sửa số điện thoại',
      'đổi số điện thoại',
      'cập nhật số điện thoại',
      'sửa email',
      'đổi email',
      'cập nhật email',
      'sai ngày sinh',
      'bản sao',
      'bên thứ ba',
      'chia sẻ thông tin',
      'bán thông tin',
      'lấy số điện thoại của tôi',
      'có số điện thoại của tôi',
      'lấy số của tôi',
      'lấy thông tin của tôi',
      'lộ thông tin',
      'rò rỉ',
      'nghị định 13',
      'bảo vệ dữ liệu',
      'bảo mật thông tin',
      'quyền riêng tư',
      'rút lại sự đồng ý',
      'rút lại đồng ý',
      'sự đồng ý',
      'không xin phép',
      'chưa xin phép',
      'chưa hỏi ý kiến',
      'không hỏi ý kiến',
      'đăng ảnh',
      'đăng hình',
      'đăng video',
      'hình ảnh của tôi',
      'ảnh của tôi',
      'hình của tôi',
      'có mặt tôi',
      'số hộ chiếu',
      'ảnh hộ chiếu',
      'bản chụp căn cước',
      'bản chụp hộ chiếu',
      'căn cước',
      'cccd',
      'personal data',
      'personal information',
      'personal details',
      'my data',
      'my information',
      'delete my data',
      'delete my personal',
      'delete my details',
      'delete my information',
      'delete my records',
      'delete my passport',
      'delete the passport',
      'delete my photo',
      'delete my account',
      'remove my details',
      'remove my data',
      'remove my information',
      'remove my personal',
      'from your system',
      'from your systems',
      'from your records',
      'account deleted',
      'close my account',
      'erase',
      'erasure',
      'right to be forgotten',
      'gdpr',
      'ccpa',
      'data protection',
      'privacy',
      'subject access',
      'access request',
      'data request',
      'data deletion',
      'data you keep',
      'data you hold',
      'copy of my data',
      'records about me',
      'hold about me',
      'holds about me',
      'store about me',
      'stored about me',
      'keep about me',
      'know about me',
      'what do you store',
      'what do you hold',
      'what do you keep',
      'your records',
      'your database',
      'third parties',
      'third party',
      'share my details',
      'share my phone number',
      'shared my details',
      'shared my data',
      'shared my information',
      'shared my phone',
      'sold my data',
      'sold my details',
      'sold my information',
      'sold my number',
      'passed on my details',
      'passed on my information',
      'passed on my number',
      'used my photo',
      'use my photo',
      'using my photo',
      'used our photo',
      'my image',
      'sell my data',
      'gave my details',
      'passport number',
      'passport scan',
      'passport copy',
      'copy of my passport',
      'passport details',
      'passport information',
      'photos of our passports',
      'leaked',
      'withdraw my consent',
      'withdraw consent',
      'do not consent',
      'without permission',
      'my photos',
      'take it down',
      'take them down',
      'update my email',
      'update my phone',
      'update my address',
      'update my details',
      'update my contact',
      'change my email',
      'change my phone',
      'correct my',
      'rectify',
      'rectification',
      'on file',
      'my profile',
      'passport copies',
      'how long do you keep',
    ],
  },
  {
    categoryKey: 'cancellation',
    keywords: [
      'hủy tour',
      'hủy đặt',
      'hủy booking',
      'hủy chuyến',
      'hủy đặt phòng',
      'hủy đăng ký tour',
      'hủy suất',
      'hủy vé',
      'hủy chỗ',
      'hủy phòng',
      'hủy lịch',
      'hủy đơn',
      'hủy một người',
      'hủy 1 người',
      'hủy bớt',
      'muốn hủy',
      'xin hủy',
      'cần hủy',
      'hủy giúp',
      'hủy dùm',
      'hủy hộ',
      'thủ tục hủy',
      'bị hủy',
      'phí hủy',
      'chính sách hủy',
      'không đi nữa',
      'không đi được',
      'không đi kịp',
      'không tham gia được',
      'không thể tham gia',
      'không tham gia tour',
      'không tham gia chuyến',
      'rút tên',
      'rút khỏi đoàn',
      'khỏi danh sách đoàn',
      'bớt người',
      'bớt một người',
      'bớt 1 người',
      'giảm số người',
      // Text with marks tells 'dời' (move) from 'đổi' (change); unmarked 'doi' matches both. Bare 'đổi lịch'
      // and 'dời lịch' are in "thay đổi lịch trình".
      'đổi ngày',
      'đổi lịch tour',
      'đổi lịch đi',
      'đổi lịch khởi hành',
      'đổi tour',
      'đổi sang ngày',
      'dời ngày',
      'dời lịch tour',
      'dời lịch đi',
      'dời lịch khởi hành',
      'dời tour',
      'dời chuyến',
      'dời sang',
      'lùi chuyến',
      'lùi ngày',
      'lùi lịch',
      'lùi tour',
      'lùi sang',
      // 'hoãn' folds to 'hoan' like 'hoàn' (refund): no 'hoãn lại', 'hoãn sang' or 'muốn hoãn'.
      'hoãn tour',
      'hoãn chuyến',
      'hoãn lịch',
      'hoãn ngày',
      'tạm hoãn',
      'xin hoãn',
      'chuyển ngày',
      'chuyển sang ngày',
      'sang ngày khác',
      'đi ngày khác',
      'chuyển sang tour khác',
      'đổi sang tour khác',
      'cancel',
      'cancelled',
      'cancelling',
      'cancellation',
      'cancellation fee',
      'cancellation policy',
      'call it off',
      'postpone',
      'reschedule',
      'rescheduling',
      'push back',
      'push our',
      'delay our trip',
      'delay our tour',
      'delay the tour',
      'delay the trip',
      'delay the start',
      'change the date',
      'change the dates',
      'change our dates',
      'change our date',
      'change my dates',
      'change of date',
      'date change',
      'change of plans',
      'change of plan',
      'travel dates',
      'new dates',
      'later date',
      'another date',
      'different date',
      'to another day',
      'to a different day',
      'on a different day',
      'one less person',
      'one person less',
      'one less traveller',
      'one traveller less',
      'rebook',
      'cancel us',
      'switch my',
      'move our trip',
      'move my trip',
      'move the trip',
      'move the tour',
      'move my tour',
      'move our tour',
      'move my booking',
      'move our booking',
      'move the booking',
      'move the dates',
      'unable to travel',
      'unable to join',
      'unable to come',
      'unable to attend',
      'not able to travel',
      'not able to come',
      "won't be travelling",
      "won't be traveling",
      'will not be travelling',
      'will not be traveling',
      'no longer coming',
      'no longer travel',
      "can't make it",
      'cant make it',
      'not be able to make it',
      'no longer join',
      'not able to join',
      'withdraw from',
      'have to withdraw',
      'need to withdraw',
      'pull out',
      'drop out',
      'dropping out',
      'shorten',
    ],
  },
  {
    categoryKey: 'newsletter',
    keywords: [
      'hủy đăng ký bản tin',
      'hủy đăng ký nhận bản tin',
      'hủy đăng ký nhận tin',
      'hủy đăng ký nhận email',
      'hủy đăng ký',
      'hủy nhận bản tin',
      'hủy nhận tin',
      'hủy nhận email',
      'hủy theo dõi',
      'bỏ theo dõi',
      'bản tin',
      'nhận bản tin',
      'email quảng cáo',
      'mail quảng cáo',
      'email khuyến mãi',
      'email khuyến mại',
      'email ưu đãi',
      'email giới thiệu',
      'mail giới thiệu',
      'thư giới thiệu',
      'thư quảng cáo',
      'tin quảng cáo',
      'gửi quảng cáo',
      'nhắn quảng cáo',
      'tin nhắn quảng cáo',
      'tin nhắn khuyến mãi',
      'tin nhắn khuyến mại',
      'tin nhắn ưu đãi',
      'tin nhắn giới thiệu',
      'tin giới thiệu',
      'sms quảng cáo',
      'sms khuyến mãi',
      'tin khuyến mãi',
      'tin khuyến mại',
      'tin ưu đãi',
      'thông báo ưu đãi',
      'chương trình khuyến mãi',
      'chương trình khuyến mại',
      'ngừng gửi',
      'ngưng gửi',
      'dừng gửi',
      'thôi gửi',
      'đừng gửi',
      'không gửi nữa',
      'không gửi email',
      'không gửi tin',
      'không gửi thư',
      'ngừng nhận',
      'ngưng nhận',
      'dừng nhận',
      'không muốn nhận',
      'gỡ email',
      'khỏi danh sách',
      'danh sách gửi thư',
      'danh sách email',
      'danh sách nhận tin',
      'quá nhiều email',
      'email nhiều quá',
      'nhiều email quá',
      'bớt email',
      'giảm email',
      'ít email',
      'unsubscribe',
      'unfollow',
      'newsletter',
      'mailing list',
      'email list',
      'marketing',
      'promotions',
      'promotional',
      'promo',
      'deal emails',
      'travel deals',
      'your offers',
      'weekly offers',
      'special offers',
      'holiday offers',
      'travel offers',
      'message offers',
      'me offers',
      'travel inspiration',
      'stop sending',
      'stop emailing',
      'stop receiving',
      'stop contacting me',
      'stop messaging',
      'stop texting',
      'stop the emails',
      'stop the messages',
      'no more emails',
      'no more messages',
      'take me off',
      'take my email off',
      'off the list',
      'off your list',
      'remove me from',
      'remove my email',
      'remove my address',
      'opt out',
      'opt me out',
      'subscribed me',
      'signed me up',
      'never signed up',
      'never subscribed',
      'email preferences',
      'communication preferences',
      'sales emails',
      'sales messages',
      'sales calls',
      'weekly emails',
      'daily emails',
      'emails a day',
      'emails every day',
      'emails a week',
      'fewer emails',
      'less emails',
      'email frequency',
      'spam',
      'too many emails',
      'too many messages',
      'too many texts',
      'so many emails',
    ],
  },
];

/** Customers name their problem in the subject; the body wanders. */
const SUBJECT_WEIGHT = 2;

/**
 * A missed fraud report is costly (the company promises to suspend tampered transactions at once); a false
 * alarm costs a supervisor a look. Fraud reports describe the payment too ("she asked me to pay the deposit
 * and the rest by bank transfer into her personal account"), so summed scores would bury them under payment
 * words. Hence a fraud keyword of two or more words wins outright, and one-word fraud keywords ('scam',
 * 'fake'), which also turn up in angry complaints, count half again. That also makes a customer calling the
 * company 'lừa đảo' a fraud case: a supervisor should see that anyway.
 */
const DECISIVE_CATEGORY = 'fraud_or_tampering';
const CATEGORY_WEIGHTS: Record<string, number> = { fraud_or_tampering: 1.5 };

const MAX_KEYWORD_LENGTH = 100;

const FALLBACK_CATEGORY = 'general';

interface KeywordMatch {
  categoryKey: string;
  keyword: string;
  /** The matched words, by index: from `start` up to but not including `end`. */
  start: number;
  end: number;
  wordCount: number;
  score: number;
}

/**
 * Picks the category whose keywords score highest, folding diacritics so unmarked and decomposed Vietnamese
 * match too. A keyword scores its length in words (doubled in the subject), once however often it appears,
 * and not at all inside a longer match: 'hủy đăng ký bản tin' (newsletter) hides 'hủy đăng ký'. Precedence:
 * a fraud phrase of two or more words wins outright; otherwise the highest total times its category weight
 * (CATEGORY_WEIGHTS) wins, a tie going to the earlier list; nothing matched means general.
 */
export function classify(
  input: { subject: string; body: string },
  lists: KeywordList[],
): { categoryKey: string; matched: string[] } {
  const matches = [
    ...findMatches(input.subject, lists, SUBJECT_WEIGHT),
    ...findMatches(withoutQuotedLines(input.body), lists, 1),
  ];
  const byCategory = new Map<string, Map<string, number>>(lists.map((list) => [list.categoryKey, new Map()]));
  let decisive = false;
  for (const match of matches) {
    const scores = byCategory.get(match.categoryKey)!;
    scores.set(match.keyword, Math.max(scores.get(match.keyword) ?? 0, match.score));
    if (match.categoryKey === DECISIVE_CATEGORY && match.wordCount > 1) decisive = true;
  }
  if (decisive)
    return { categoryKey: DECISIVE_CATEGORY, matched: [...byCategory.get(DECISIVE_CATEGORY)!.keys()] };
  let best = { categoryKey: FALLBACK_CATEGORY, score: 0, matched: [] as string[] };
  for (const [categoryKey, scores] of byCategory) {
    const sum = [...scores.values()].reduce((total, value) => total + value, 0);
    const score = sum * (CATEGORY_WEIGHTS[categoryKey] ?? 1);
    if (score > best.score) best = { categoryKey, score, matched: [...scores.keys()] };
  }
  return { categoryKey: best.categoryKey, matched: best.matched };
}

/** The text the customer wrote now, without the history their mail client quoted. */
function withoutQuotedLines(body: string): string {
  return body
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
}

interface CompiledKeyword {
  /** Folded words; the last may carry a simple English ending in the text. */
  words: string[];
  lastWordForms: string[];
  /** What the first word may look like in the text: the last word's forms for a one-word keyword. */
  firstWordForms: string[];
  /** Each word's tone and letter marks (see marksOf), '' for a word written without any. */
  wordMarks: string[];
}

/** Simple English endings, allowed so 'refund' matches 'refunded' and 'cancel' matches 'cancels'. */
const ENDINGS = ['s', 'es', 'd', 'ed', 'ing'];

/**
 * Keywords compiled once, not for every ticket: the service rebuilds its lists for each one, so the cache is
 * keyed by the keyword text. Admins edit keywords rarely; the cap only bounds memory if they edit a great deal.
 */
const compiledKeywords = new Map<string, CompiledKeyword | null>();
const MAX_COMPILED_KEYWORDS = 20_000;

function compileKeyword(keyword: string): CompiledKeyword | null {
  let compiled = compiledKeywords.get(keyword);
  if (compiled !== undefined) return compiled;
  const writtenWords = normalizeText(keyword).match(WORD) ?? [];
  const words = writtenWords.map((word) => foldForSearch(word)).filter(Boolean);
  const last = words.at(-1);
  const lastWordForms = last === undefined ? [] : [last, ...ENDINGS.map((ending) => last + ending)];
  compiled =
    last === undefined
      ? null
      : {
          words,
          lastWordForms,
          firstWordForms: words.length === 1 ? lastWordForms : [words[0]],
          wordMarks: writtenWords.length === words.length ? writtenWords.map(marksOf) : words.map(() => ''),
        };
  if (compiledKeywords.size >= MAX_COMPILED_KEYWORDS) compiledKeywords.clear();
  compiledKeywords.set(keyword, compiled);
  return compiled;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * A word as written, folded, and the text between it and the word before. Folding a word alone gives what
 * folding the whole text gives, so the written and the folded word always line up.
 */
interface Word {
  written: string;
  folded: string;
  before: string;
}

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  const normalized = normalizeText(text);
  let end = 0;
  for (const found of normalized.matchAll(WORD)) {
    // Most words are plain ASCII, which folding only lower-cases.
    const folded = /^[a-z0-9]+$/i.test(found[0]) ? found[0].toLowerCase() : foldForSearch(found[0]);
    // A stray combining mark folds to nothing, so it stays in the gap.
    if (folded === '') continue;
    words.push({ written: found[0], folded, before: normalized.slice(end, found.index) });
    end = found.index + found[0].length;
  }
  return words;
}

/**
 * Whole words only, so 'huy tour' does not match 'chuy tour'. Words may be joined by spaces, hyphens,
 * slashes or apostrophes but not by sentence punctuation: "tên tôi là Huy. Tour…" is no 'huy tour'.
 */
const JOINER = /^[\s'’/\-\p{M}]+$/u;

function findMatches(text: string, lists: KeywordList[], weight: number): KeywordMatch[] {
  const words = wordsOf(text);
  // Where each folded word occurs: a keyword is only looked for where its first word is.
  const positions = new Map<string, number[]>();
  words.forEach((word, index) => {
    const list = positions.get(word.folded);
    if (list) list.push(index);
    else positions.set(word.folded, [index]);
  });
  const matches: KeywordMatch[] = [];
  for (const { categoryKey, keywords } of lists) {
    for (const keyword of keywords) {
      const compiled = compileKeyword(keyword);
      if (!compiled) continue;
      for (const form of compiled.firstWordForms) {
        for (const first of positions.get(form) ?? []) {
          if (!occursAt(compiled, words, first)) continue;
          if (isWrittenAsName(compiled, words, first) || marksContradict(compiled, words, first)) continue;
          const wordCount = compiled.words.length;
          matches.push({
            categoryKey,
            keyword,
            start: first,
            end: first + wordCount,
            wordCount,
            score: wordCount * weight,
          });
        }
      }
    }
  }
  return withoutContainedMatches(matches);
}

function occursAt(compiled: CompiledKeyword, words: Word[], first: number): boolean {
  const last = compiled.words.length - 1;
  for (let offset = 1; offset <= last; offset++) {
    const word = words[first + offset];
    if (!word || !JOINER.test(word.before)) return false;
    if (
      offset < last ? word.folded !== compiled.words[offset] : !compiled.lastWordForms.includes(word.folded)
    ) {
      return false;
    }
  }
  return true;
}

/**
 * Folding turns the given name Huy into 'hủy'. Where the keyword has a mark, a word written capitalised and
 * unmarked in mid-sentence is taken for a name: "cảm ơn anh Huy tour guide" is no 'hủy tour'.
 */
function isWrittenAsName(compiled: CompiledKeyword, words: Word[], first: number): boolean {
  return compiled.wordMarks.some((keywordMarks, offset) => {
    const index = first + offset;
    const { written } = words[index];
    const startsSentence = index === 0 || /[.!?]/.test(words[index].before);
    return (
      keywordMarks !== '' && marksOf(written) === '' && /^\p{Lu}\p{Ll}+$/u.test(written) && !startsSentence
    );
  });
}

/**
 * Folding makes 'giá' (price) and 'giả' (fake), 'về' and 'vé', 'đổi' and 'dời' one word, so "hỏi về giá" would
 * be 'vé giả'. Unmarked text still matches any keyword, and so does text missing some marks ('trư tiên'),
 * but a word written with a mark its keyword word lacks is another word. Hỏi and ngã count as one mark, as
 * many writers confuse them ('hũy'); a keyword word written without marks accepts any.
 */
function marksContradict(compiled: CompiledKeyword, words: Word[], first: number): boolean {
  return compiled.wordMarks.some((keywordMarks, offset) => {
    if (keywordMarks === '') return false;
    return [...marksOf(words[first + offset].written)].some((mark) => !keywordMarks.includes(mark));
  });
}

/** A word's marks: its combining diacritics after NFD, the stroke of đ as '-', and ngã written as hỏi. */
function marksOf(word: string): string {
  return [...word.normalize('NFD')]
    .map((char) => (/[đĐ]/.test(char) ? '-' : char === '\u0303' ? '\u0309' : char))
    .filter((char) => char === '-' || /\p{M}/u.test(char))
    .join('');
}

/** Drops matches lying within a longer one (ties keep the earlier list), so the most specific phrase counts. */
function withoutContainedMatches(matches: KeywordMatch[]): KeywordMatch[] {
  const kept: KeywordMatch[] = [];
  const longestFirst = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const match of longestFirst) {
    if (!kept.some((other) => other.start <= match.start && match.end <= other.end)) kept.push(match);
  }
  return kept;
}

/** Why a keyword cannot be used, or null when it can. */
export function validateKeyword(keyword: string): string | null {
  const folded = foldForSearch(keyword);
  if (folded === '') return 'the keyword is empty';
  if (normalizeText(keyword).trim().length > MAX_KEYWORD_LENGTH) {
    return `the keyword is longer than ${MAX_KEYWORD_LENGTH} characters`;
  }
  if ((folded.match(/\p{L}/gu)?.length ?? 0) < 2) return 'the keyword needs at least 2 letters';
  return null;
}

/** Offtrack booking references look like OTV-2026-001234; customers often drop the hyphens. */
export const DEFAULT_BOOKING_REFERENCE_PATTERN = '\\bOTV-?\\d{4}-?\\d{4,6}\\b';

const MAX_BOOKING_REFERENCE_LENGTH = 40;

/**
 * Whether a regular expression can match nothing cannot be decided by looking at it, so it is tried on texts
 * where a sloppy pattern ('\d*', 'x|', '\b', '(?=OTV)') finds an empty match.
 */
const EMPTY_MATCH_PROBES = ['', ' ', 'x', 'OTV-2026-001234', 'Mã đặt tour: OTV 2026 001234.'];

/** Compiles the configured booking reference pattern, refusing one that is invalid or can match nothing. */
export function compileBookingReferencePattern(source: string): RegExp {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'iu');
  } catch (error) {
    throw new Error(
      `the booking reference pattern ${JSON.stringify(source)} is not a valid regular expression: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const everywhere = new RegExp(pattern, 'giu');
  if (EMPTY_MATCH_PROBES.some((probe) => [...probe.matchAll(everywhere)].some((found) => found[0] === ''))) {
    throw new Error(`the booking reference pattern ${JSON.stringify(source)} can match the empty string`);
  }
  return pattern;
}

/** The first booking reference in the text, upper-cased, or null. */
export function extractBookingReference(text: string, pattern: RegExp): string | null {
  const found = normalizeText(text).match(pattern)?.[0];
  const reference = found?.trim().toUpperCase().slice(0, MAX_BOOKING_REFERENCE_LENGTH).trimEnd();
  return reference || null;
}
