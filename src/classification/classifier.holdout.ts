import type { LabelledSample } from './classifier.samples.js';

/**
 * A blind held-out set: written without reading the keyword lists or the tuned samples, and never used to
 * tune them. The accuracy floor in classifier.rules.spec.ts is measured on it.
 */
export const HOLDOUT_SAMPLES: LabelledSample[] = [
  // fraud_or_tampering — impersonation, forged bookings/invoices, charges the customer did not make, phishing
  {
    subject: 'Có người giả danh nhân viên Offtrack yêu cầu chuyển khoản',
    body: 'Hôm qua tôi nhận được cuộc gọi từ một người xưng là nhân viên Offtrack Travel, nói tour Hạ Long của tôi (OTV-2026-001234) cần đóng thêm phụ phí 3.500.000đ và bảo chuyển vào tài khoản cá nhân tên Nguyễn Văn Hùng. Đây có phải người của công ty không?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Tôi không đặt tour nào cả',
    body: 'Tôi không hề đặt tour này mà thẻ bị trừ tiền. Thẻ Visa của tôi vừa bị trừ 12.400.000đ với nội dung OFFTRACK TRAVEL, trong khi tôi chưa bao giờ mua gì bên các bạn. Ai đó đã dùng thẻ của tôi, đề nghị kiểm tra gấp.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Hóa đơn có dấu hiệu bị sửa',
    body: 'Hóa đơn tôi nhận qua email ghi số tài khoản khác với số tài khoản trên website của công ty, số tiền cũng bị đổi từ 8.200.000 thành 9.800.000. Có phải email của các bạn bị hack không? Tôi chưa chuyển tiền.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'link la',
    body: 'toi nhan dc tin nhan sms bao tour Sa Pa cua toi bi huy, bam vao link offtrack-hoantien.xyz de nhan lai tien. link nay co phai cua cong ty ko? toi lo nhap so the vao roi, so qua',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Fanpage giả mạo Offtrack Travel',
    body: "Trên Facebook có một trang tên 'Offtrack Travel Việt Nam Official' đang bán tour Phú Quốc giá 1.990.000đ, yêu cầu chuyển cọc 100%. Em chuyển rồi mà giờ họ chặn em luôn. Trang đó có phải của công ty không ạ?",
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Xác nhận đặt phòng là giả?',
    body: 'Tôi đến khách sạn ở Hội An theo xác nhận OTV-2026-004417 nhưng lễ tân nói không có booking nào, tổng đài bên các bạn cũng không tìm thấy mã này. Người bán cho tôi một tờ xác nhận có logo công ty hẳn hoi. Vậy là giấy tờ giả phải không?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'the bi tru tien la',
    body: 'the cua toi bi tru 3 lan, moi lan 2.150.000d, ten Offtrack Travel. toi ko dat gi ca, the van nam trong vi. lam on chan giao dich va kiem tra giup',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Email lạ yêu cầu update payment info',
    body: "Mình nhận email từ support@offtrack-travel-vn.com (không phải domain chính) yêu cầu update lại payment info vì 'card expired'. Mình nghi là scam nên forward cho các bạn kiểm tra, đừng để khách khác bị lừa.",
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Đại lý này có phải của công ty không?',
    body: 'Một người tự nhận là đại lý cấp 1 của Offtrack ở Cần Thơ đã thu của gia đình tôi 25 triệu cho tour miền Tây 3 ngày, đưa biên nhận có đóng dấu đỏ. Bây giờ không liên lạc được nữa. Công ty có đại lý tên Phạm Minh Khoa không?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Booking của tôi bị người khác sửa',
    body: 'Tôi vừa nhận email báo tên khách và số điện thoại trong booking OTV-2026-002980 đã được thay đổi, nhưng tôi không hề yêu cầu. Có ai đó đã vào tài khoản của tôi. Xin khóa lại ngay.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'co nguoi xung la ben offtrack doi ma OTP',
    body: "vua co so la goi noi la nhan vien offtrack, doi toi doc ma OTP de 'xac nhan hoan tien'. toi chua doc. cong ty co goi kieu nay ko?",
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Tài khoản Zalo giả mạo',
    body: 'Có một tài khoản Zalo dùng logo Offtrack nhắn cho mẹ tôi, bảo mẹ trúng thưởng tour Đà Nẵng và phải chuyển 500k phí nhận thưởng. Mẹ tôi đã chuyển rồi. Công ty nên cảnh báo khách hàng.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Unauthorised charge on my card',
    body: "I see a charge of USD 486.00 from OFFTRACK TRAVEL on my Amex statement. I have never booked with you and have never been to Vietnam. Please tell me what this is. I've already reported it to my bank as fraud.",
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Is this email really from you?',
    body: "Got an email saying my Ha Long Bay cruise booking OTV-2026-003312 has a 'payment problem' and I need to re-enter my card details at a link that goes to offtrack-secure-pay.top. The domain looks weird. Is this legit?",
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Someone pretending to be your agent',
    body: "My uncle in Westminster, CA paid $2,300 by Zelle to a man named Tony Tran who said he was Offtrack Travel's agent for the Vietnamese community in Orange County. He got a PDF itinerary for Sa Pa with your logo on it. Now Tony doesn't pick up. Does he work for you?",
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Bank details on invoice changed',
    body: 'The invoice attached to your last email lists a different bank (an account in Hong Kong) than the one we paid our deposit to, and the account number is in a different font, like someone edited the PDF. Before I pay anything else, please confirm this invoice actually came from you.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'somebody use my card',
    body: 'Hello, my credit card was charge 2 time from your company but I not make any booking. I am in Germany and never order a tour. Please check who did this and stop it.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Was our booking forged?',
    body: "We bought a Mekong Delta 2-day tour from a seller on Facebook, got a confirmation OTV-2026-00777 and showed up at the meeting point in Saigon. Your guide had never heard of us and said that reference isn't even a valid format.",
    expected: 'fraud_or_tampering',
  },
  {
    subject: "Login I didn't do",
    body: "I got a notification that someone logged into my Offtrack account from abroad and changed the refund bank account to someone else's name. It wasn't me. Please freeze the account and don't send any money anywhere.",
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Phishing SMS using your name',
    body: "Just received a text: 'Offtrack Travel: your Phu Quoc tour refund 4,200,000 VND is pending, verify at bit.ly/...'. I never booked Phu Quoc. Reporting it in case others are being targeted.",
    expected: 'fraud_or_tampering',
  },

  // payment — double charges, refunds not received, wrong amounts, transfers, deposits, invoices/VAT, declined cards
  {
    subject: 'Bị trừ tiền hai lần',
    body: 'Tôi thanh toán tour Hạ Long 2 ngày 1 đêm (OTV-2026-001502) bằng thẻ ATM, app ngân hàng báo trừ tiền 2 lần, mỗi lần 4.600.000đ. Nhờ công ty kiểm tra và hoàn lại một khoản giúp tôi.',
    expected: 'payment',
  },
  {
    subject: 'Chưa nhận được tiền hoàn',
    body: 'Tôi đã hủy tour Sa Pa từ ngày 3/3 và được nhân viên xác nhận hoàn 70% trong 7 ngày làm việc. Giờ đã gần một tháng mà tài khoản vẫn chưa nhận được đồng nào. Đề nghị công ty kiểm tra lại.',
    expected: 'payment',
  },
  {
    subject: 'chuyen khoan roi ma chua xac nhan',
    body: 'toi da chuyen khoan 6.000.000d tien coc tour Phu Quoc tu thu 2, noi dung ghi OTV-2026-002214, ma den gio he thong van bao chua thanh toan. co anh chup bien lai day, kiem tra giup toi',
    expected: 'payment',
  },
  {
    subject: 'Xuất hóa đơn VAT',
    body: 'Công ty tôi đặt tour Đà Nẵng cho 25 nhân viên, mã OTV-2026-003050. Nhờ bên bạn xuất hóa đơn GTGT theo thông tin: Công ty TNHH Minh Phát, MST 0312345678. Hóa đơn lần trước ghi sai tên công ty.',
    expected: 'payment',
  },
  {
    subject: 'Số tiền thanh toán không khớp báo giá',
    body: 'Báo giá ban đầu là 3.200.000đ/người cho 4 người, tổng 12.800.000đ, nhưng khi thanh toán online hệ thống lại trừ 14.080.000đ. Tôi không được báo trước phụ phí nào. Xin giải thích.',
    expected: 'payment',
  },
  {
    subject: 'the bi tu choi',
    body: 'minh thanh toan tour hoi an bang the visa ma cu bao giao dich bi tu choi, thu 3 lan roi. the van con tien ma. co cach nao khac ko?',
    expected: 'payment',
  },
  {
    subject: 'Chênh lệch tỷ giá khi thanh toán thẻ',
    body: 'Tôi ở Úc, thanh toán bằng thẻ AUD. Giá tour 9.500.000 VND nhưng ngân hàng trừ 640 AUD, cao hơn nhiều so với tỷ giá. Công ty có thu thêm phí chuyển đổi ngoại tệ không?',
    expected: 'payment',
  },
  {
    subject: 'Hỏi về deposit tour Mekong',
    body: 'Cho mình hỏi tour Mekong 3N2Đ đặt cọc bao nhiêu %? Phần còn lại mình trả tiền mặt lúc nhận tour được không hay phải transfer trước?',
    expected: 'payment',
  },
  {
    subject: 'Hoàn tiền thiếu',
    body: 'Công ty hoàn tiền phụ thu phòng đơn cho tôi nhưng tôi chỉ nhận được 800.000đ, trong khi email xác nhận ghi 1.200.000đ. Còn thiếu 400.000đ, nhờ kiểm tra lại.',
    expected: 'payment',
  },
  {
    subject: 'Đã thanh toán đủ nhưng vẫn bị nhắc',
    body: 'Tôi đã thanh toán đủ tiền tour OTV-2026-001876 từ tháng trước nhưng hôm nay lại nhận email nhắc đóng phần còn lại. Bên kế toán xem lại giúp, đừng để tour bị hủy vì lỗi này.',
    expected: 'payment',
  },
  {
    subject: 'hoan tien chua ve',
    body: 'da 20 ngay roi ma tien hoan tour da nang van chua ve tai khoan vietcombank cua toi. ma OTV-2026-004001',
    expected: 'payment',
  },
  {
    subject: 'Voucher không được trừ',
    body: 'Mình có áp voucher giảm 500k lúc booking, màn hình có hiện, nhưng số tiền bị charge vào thẻ vẫn là giá gốc. Nhờ hoàn lại phần chênh lệch giúp mình.',
    expected: 'payment',
  },
  {
    subject: 'Charged twice for Ha Long cruise',
    body: 'My card was charged twice for booking OTV-2026-002671, USD 312 each, on the same day. Please refund the duplicate.',
    expected: 'payment',
  },
  {
    subject: 'Refund still not received',
    body: "Hi, this is Linh Pham from Sydney. On 12 February you confirmed that my refund of AUD 450 for the cancelled Hoi An cooking class would be sent within 10 business days. It's now 20 March and nothing has arrived. Can you send me the transaction reference?",
    expected: 'payment',
  },
  {
    subject: 'Bank transfer not showing',
    body: 'We sent the balance of EUR 1,840 by SEPA transfer from our bank in Lyon on Monday, reference OTV-2026-003398. Your system still shows the booking as unpaid. Could you check with your bank? Happy to send the SWIFT confirmation.',
    expected: 'payment',
  },
  {
    subject: 'Invoice for company reimbursement',
    body: "I need a proper invoice with my company's name and the tax breakdown so my employer can reimburse the Da Nang trip. The receipt I got only shows the total.",
    expected: 'payment',
  },
  {
    subject: 'price not same',
    body: 'Hello, website show price 189 USD for Mekong tour but when I pay with PayPal it take 207 USD. Why is different? I not choose any extra.',
    expected: 'payment',
  },
  {
    subject: 'Card keeps getting declined',
    body: "My Mastercard keeps getting declined on your checkout page even though my bank says there's no block. Is there another way to pay? The Sa Pa trek departs in 5 days and I don't want to lose the spot.",
    expected: 'payment',
  },
  {
    subject: 'Refund amount lower than what I paid',
    body: "You refunded 5,000,000 VND but my bank in Germany credited only €176, while I was charged €195 originally. Did you refund in a different currency? I'd like the difference explained.",
    expected: 'payment',
  },
  {
    subject: 'WHERE IS MY MONEY',
    body: 'Three emails, no answer. I overpaid by $150 when your agent added the wrong number of children to the Phu Quoc package. I want my $150 back. Ref OTV-2026-000985.',
    expected: 'payment',
  },

  // cancellation — cancel or postpone a tour/booking, cancellation penalties, date changes (illness, visa, weather)
  {
    subject: 'huy tour',
    body: 'toi muon huy tour ha long ngay 15/4, ma OTV-2026-001234. huy bay gio thi mat bao nhieu tien?',
    expected: 'cancellation',
  },
  {
    subject: 'Xin hoãn tour vì bị ốm',
    body: 'Tôi bị sốt xuất huyết đang nằm viện, không thể đi tour Sa Pa ngày 22/5 được. Xin công ty cho tôi dời sang tháng 7. Tôi có giấy nhập viện nếu cần.',
    expected: 'cancellation',
  },
  {
    subject: 'Hủy tour Phú Quốc',
    body: 'Gia đình tôi có việc đột xuất nên muốn hủy tour Phú Quốc 4 ngày (OTV-2026-002450), khởi hành sau 20 ngày nữa. Theo chính sách thì được hoàn bao nhiêu phần trăm và bao lâu thì nhận được tiền?',
    expected: 'cancellation',
  },
  {
    subject: 'Hỏi phí hủy',
    body: 'Cho tôi hỏi nếu hủy tour trước 3 ngày thì phí là bao nhiêu? Tôi chưa chắc có đi được không.',
    expected: 'cancellation',
  },
  {
    subject: 'doi ngay tour',
    body: 'cho minh doi tour hoi an tu 10/6 sang 24/6 duoc ko, vo minh bi doi lich cong tac. ma booking OTV-2026-003127',
    expected: 'cancellation',
  },
  {
    subject: 'Chưa có visa, xin lùi ngày tour',
    body: 'Chồng tôi mang quốc tịch Đức, e-visa chưa được duyệt kịp nên chúng tôi phải hoãn tour Đà Nẵng – Hội An dự kiến ngày 2/8. Có thể chuyển sang đầu năm sau không?',
    expected: 'cancellation',
  },
  {
    subject: 'Có bão thì tour có đi không?',
    body: 'Dự báo có bão vào vịnh Hạ Long đúng cuối tuần này. Nếu tàu không chạy thì tour của tôi có bị hủy không, hay tôi chủ động đổi sang ngày khác được mà không mất phí?',
    expected: 'cancellation',
  },
  {
    subject: 'Cancel booking ạ',
    body: 'Em muốn cancel booking OTV-2026-004589 tour Mekong 1 ngày, nhóm em 6 người giờ chỉ còn 2 người nên thôi không đi nữa ạ.',
    expected: 'cancellation',
  },
  {
    subject: 'Giảm số lượng khách đoàn',
    body: 'Đoàn công ty tôi đăng ký 30 người đi Đà Nẵng, nay có 8 người không đi được. Xin hủy 8 suất này, phí hủy tính thế nào?',
    expected: 'cancellation',
  },
  {
    subject: 'huy tour gap',
    body: 'me toi vua mat, gia dinh phai ve que lo tang. huy giup toi tour sa pa tuan sau, khong di duoc nua',
    expected: 'cancellation',
  },
  {
    subject: 'Xin lùi ngày đi vì con bị bệnh',
    body: 'Con tôi bị thủy đậu, bác sĩ dặn cách ly 2 tuần. Tôi xin lùi tour Phú Quốc của cả nhà sang tháng sau, mong công ty thông cảm không tính phí.',
    expected: 'cancellation',
  },
  {
    subject: 'Không kịp tham gia tour',
    body: 'Chuyến bay của tôi từ Melbourne về Sài Gòn bị hủy, hãng chưa xếp được chuyến khác. Tôi không kịp tham gia tour miền Tây ngày 5/9, nhờ công ty hủy giúp và cho biết mức phí.',
    expected: 'cancellation',
  },
  {
    subject: 'Cancel my booking please',
    body: 'Please cancel booking OTV-2026-001990 (Sa Pa 3-day trek, 2 pax). Our plans have changed.',
    expected: 'cancellation',
  },
  {
    subject: 'Postponing for my grandmother',
    body: "Hello, I'm writing for my grandmother Bà Nguyễn Thị Mai in San Jose. She needs hip surgery next month, so we have to postpone the Hội An family tour from October to sometime in spring. What are our options?",
    expected: 'cancellation',
  },
  {
    subject: 'Cancellation penalty?',
    body: "If I cancel the Ha Long overnight cruise 10 days before departure, how much will I lose? I'd rather know before I decide.",
    expected: 'cancellation',
  },
  {
    subject: 'Visa refused - need to cancel',
    body: 'Our visa application for Vietnam was rejected, so we have to cancel the Da Nang tour OTV-2026-002845. Please process the cancellation and refund whatever is refundable to the original card.',
    expected: 'cancellation',
  },
  {
    subject: 'change the date',
    body: 'Good day, we are family from France, we want to move our Mekong tour one week later because our flight is changed. Is possible without pay more?',
    expected: 'cancellation',
  },
  {
    subject: 'Typhoon next week',
    body: 'The news says a typhoon is heading to central Vietnam next week. Can we move our Hoi An lantern tour to later in the month, or call it off without penalty?',
    expected: 'cancellation',
  },
  {
    subject: "Won't make it on Saturday",
    body: "Broke my ankle yesterday, no way I'm trekking in Sa Pa on Saturday. Can I get a credit for a later date instead of losing everything?",
    expected: 'cancellation',
  },
  {
    subject: 'Drop the Mekong tour only',
    body: 'We booked both the Phu Quoc snorkeling trip and the Mekong day tour. Please cancel the Mekong one only and keep Phu Quoc as is. Ref OTV-2026-003761.',
    expected: 'cancellation',
  },

  // newsletter — unsubscribe, stop promotional e-mails/SMS/messages, too many ads
  {
    subject: 'Đừng gửi mail nữa',
    body: 'Làm ơn đừng gửi mail quảng cáo nữa, ngày nào cũng 2-3 cái, tôi đi tour xong lâu rồi.',
    expected: 'newsletter',
  },
  {
    subject: 'huy dang ky',
    body: 'toi muon huy dang ky nhan ban tin khuyen mai cua offtrack, bam unsubscribe o cuoi mail ma ko duoc',
    expected: 'newsletter',
  },
  {
    subject: 'Ngừng gửi SMS khuyến mãi',
    body: 'Số điện thoại của tôi liên tục nhận tin nhắn khuyến mãi tour Phú Quốc, Đà Nẵng từ Offtrack. Tôi không có nhu cầu, yêu cầu ngừng gửi.',
    expected: 'newsletter',
  },
  {
    subject: 'Quá nhiều quảng cáo',
    body: 'Từ khi đặt tour Hạ Long năm ngoái, hộp thư của tôi bị các bạn gửi quảng cáo liên tục. Tôi chỉ muốn nhận email liên quan đến booking thôi.',
    expected: 'newsletter',
  },
  {
    subject: 'Unsubscribe giúp mình',
    body: 'Unsubscribe giúp mình khỏi newsletter nhé, email: hoa.tran@gmail.com. Cảm ơn.',
    expected: 'newsletter',
  },
  {
    subject: 'spam',
    body: 'sao cu nhan tin quang cao hoai vay, da bao dung gui roi. bo so dien thoai toi ra khoi danh sach nhan tin di',
    expected: 'newsletter',
  },
  {
    subject: 'Tắt tin ưu đãi Zalo',
    body: 'Zalo OA của Offtrack ngày nào cũng gửi tin ưu đãi cho tôi. Tôi muốn tắt, không nhận tin khuyến mãi nữa.',
    expected: 'newsletter',
  },
  {
    subject: 'Bỏ email tôi khỏi danh sách gửi thư',
    body: 'Xin bỏ địa chỉ email này khỏi danh sách gửi bản tin của công ty. Tôi vẫn giữ tài khoản để sau này đặt tour, chỉ là không muốn nhận thư giới thiệu tour nữa.',
    expected: 'newsletter',
  },
  {
    subject: 'Email hơi nhiều',
    body: 'Chào Offtrack, mình thích tour của các bạn nhưng tuần nào cũng nhận 4-5 email giới thiệu tour mới thì hơi nhiều. Có thể gửi 1 lần/tháng thôi hoặc cho mình ngừng nhận không?',
    expected: 'newsletter',
  },
  {
    subject: '',
    body: 'dung gui mail khuyen mai cho toi nua. cam on',
    expected: 'newsletter',
  },
  {
    subject: 'Đã hủy đăng ký mà vẫn nhận',
    body: "Tôi đã bấm 'hủy đăng ký' ba lần trong tháng này nhưng vẫn nhận được email 'Flash sale tour Sa Pa'. Hệ thống của các bạn có vấn đề à?",
    expected: 'newsletter',
  },
  {
    subject: 'Ngừng nhắn tin và gọi mời tour cho bố tôi',
    body: 'Bố tôi 75 tuổi, tôi dùng số của bố đăng ký tour hộ, giờ ngày nào bố cũng nhận tin quảng cáo và cuộc gọi mời tour. Nhờ công ty ngừng gửi tin và ngừng gọi mời vào số 0912xxx678.',
    expected: 'newsletter',
  },
  {
    subject: 'Re: Summer deals are here!',
    body: 'Please take me off your list. Thanks.',
    expected: 'newsletter',
  },
  {
    subject: 'unsubscribe',
    body: 'Unsubscribe me from all marketing emails.',
    expected: 'newsletter',
  },
  {
    subject: 'Too many promotional emails',
    body: 'I booked one tour in 2024 and now I get promotional emails almost every day. Stop sending me deals and newsletters.',
    expected: 'newsletter',
  },
  {
    subject: 'Stop the texts to my mom',
    body: 'My mom in Houston keeps getting SMS about Tết tour promotions from Offtrack at 5am her time. Please stop sending her marketing texts. Her number is +1 713 xxx 4410.',
    expected: 'newsletter',
  },
  {
    subject: 'no more advertising',
    body: 'Hallo, I do not want receive your advertising mails anymore. Please remove me. Danke.',
    expected: 'newsletter',
  },
  {
    subject: 'Unsubscribe link broken',
    body: "The unsubscribe link at the bottom of your newsletter gives a 404 error. I'd like to opt out of marketing emails please.",
    expected: 'newsletter',
  },
  {
    subject: 'Only booking emails please',
    body: "I'm happy to receive booking confirmations and tour reminders, but please opt me out of the weekly deals digest and the Messenger promo messages.",
    expected: 'newsletter',
  },
  {
    subject: 'STOP',
    body: "STOP sending me these 'last-minute Ha Long deal' emails. I've asked twice already.",
    expected: 'newsletter',
  },

  // privacy_request — access/copy/correct/delete personal data, withdraw consent, data source, leak concerns
  {
    subject: 'Yêu cầu xóa dữ liệu cá nhân',
    body: 'Tôi yêu cầu công ty xóa toàn bộ thông tin cá nhân của tôi (họ tên, số hộ chiếu, số điện thoại) khỏi hệ thống vì tour đã kết thúc.',
    expected: 'privacy_request',
  },
  {
    subject: 'Ảnh hộ chiếu và CCCD',
    body: 'Khi đặt tour Sa Pa tôi có gửi ảnh hộ chiếu và CCCD. Tour xong rồi, công ty còn lưu các giấy tờ này không? Nếu còn thì xin xóa đi.',
    expected: 'privacy_request',
  },
  {
    subject: 'lay so dien thoai cua toi o dau',
    body: 'sao ben ban co so dien thoai va ho ten cua toi? toi chua bao gio dat tour ben ban. cho toi biet lay thong tin cua toi tu dau',
    expected: 'privacy_request',
  },
  {
    subject: 'Đề nghị cung cấp bản sao dữ liệu',
    body: 'Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân, tôi đề nghị công ty cung cấp bản sao toàn bộ dữ liệu cá nhân mà công ty đang lưu về tôi, kể cả lịch sử đặt tour.',
    expected: 'privacy_request',
  },
  {
    subject: 'Thông tin cá nhân bị ghi sai',
    body: 'Ngày sinh và số hộ chiếu của tôi trong hồ sơ khách hàng bị ghi sai. Nhờ công ty cập nhật lại hồ sơ: ngày sinh 02/11/1985, hộ chiếu C1234567.',
    expected: 'privacy_request',
  },
  {
    subject: 'Công ty có để lộ thông tin khách không?',
    body: 'Tôi thấy danh sách khách đoàn Đà Nẵng tháng trước, có tên, số điện thoại và số CCCD, bị đăng lên một nhóm Facebook. Công ty có để lộ dữ liệu không? Tôi cần câu trả lời rõ ràng.',
    expected: 'privacy_request',
  },
  {
    subject: 'Rút lại đồng ý dùng ảnh',
    body: 'Mình muốn rút lại sự đồng ý cho công ty dùng ảnh của mình chụp trong tour Hội An để làm marketing trên fanpage. Nhờ gỡ ảnh xuống và không dùng nữa.',
    expected: 'privacy_request',
  },
  {
    subject: 'xoa tai khoan',
    body: 'cho toi xoa tai khoan tren website offtrack va xoa het du lieu lien quan den toi. toi khong dung nua',
    expected: 'privacy_request',
  },
  {
    subject: 'Dữ liệu của tôi được chia sẻ cho ai?',
    body: 'Công ty có chia sẻ thông tin cá nhân của khách (hộ chiếu, số điện thoại) cho khách sạn, nhà xe hay đối tác nào khác không? Tôi muốn biết dữ liệu của tôi đang nằm trong tay những ai.',
    expected: 'privacy_request',
  },
  {
    subject: 'Thông tin của các con tôi',
    body: 'Tôi đã đăng ký tour cho hai con (8 và 11 tuổi) kèm bản sao giấy khai sinh. Xin cho biết công ty lưu giữ các thông tin này bao lâu, và đề nghị xóa sau khi kết thúc tour.',
    expected: 'privacy_request',
  },
  {
    subject: 'thong tin ca nhan',
    body: 'toi muon biet cong ty dang luu nhung thong tin gi ve toi. gui ban sao cho toi qua email nay',
    expected: 'privacy_request',
  },
  {
    subject: 'Xóa tài khoản của mẹ tôi đã mất',
    body: 'Mẹ tôi đã qua đời tháng trước. Tôi muốn yêu cầu công ty xóa tài khoản và toàn bộ dữ liệu cá nhân của bà trên hệ thống.',
    expected: 'privacy_request',
  },
  {
    subject: 'GDPR access request',
    body: 'Under Article 15 GDPR I request a copy of all personal data you hold about me, the purposes of processing and the recipients. I live in Munich and booked a Mekong tour in 2025.',
    expected: 'privacy_request',
  },
  {
    subject: 'Delete my data',
    body: "Please delete my account and all my personal data, including my passport scan. I don't plan to travel with you again.",
    expected: 'privacy_request',
  },
  {
    subject: 'How did you get my name and address?',
    body: "I'm in Melbourne and received a letter from you addressed to my full Vietnamese name, Trần Thị Bích Ngọc, which I only use on official documents. I've never booked with Offtrack. Where did you get my details?",
    expected: 'privacy_request',
  },
  {
    subject: 'Has my data been leaked?',
    body: 'Right after I booked with you, strangers started calling me who knew my exact Ha Long dates and hotel. Has your customer database been leaked? What data of mine could be exposed?',
    expected: 'privacy_request',
  },
  {
    subject: 'correct my data',
    body: 'Bonjour, my name is written wrong in your system, it is Lefèvre not Lefevre, and my birth date is 14/03/1979. Please correct my personal data in your records.',
    expected: 'privacy_request',
  },
  {
    subject: 'Withdrawal of consent',
    body: 'I withdraw my consent for you to process my data for profiling and for sharing with partner agencies. Please confirm in writing.',
    expected: 'privacy_request',
  },
  {
    subject: 'Photo of me and my daughter on your website',
    body: 'There is a photo of me and my daughter on your Sa Pa tour page. Nobody asked for our permission. Please take it down and delete any copies you hold.',
    expected: 'privacy_request',
  },
  {
    subject: 'How long do you keep passport numbers?',
    body: "How long do you keep customers' passport numbers after a tour? I'd like mine erased now that our Phu Quoc trip is over.",
    expected: 'privacy_request',
  },

  // general — service quality, lost items, praise, itinerary/visa/luggage questions
  {
    subject: 'Hướng dẫn viên đến trễ',
    body: 'Tour Hạ Long ngày 12/4, hướng dẫn viên đến đón trễ gần 1 tiếng, không gọi báo trước. Cả đoàn đứng chờ ngoài nắng. Rất thất vọng.',
    expected: 'general',
  },
  {
    subject: 'Khách sạn bẩn, không như quảng cáo',
    body: 'Phòng khách sạn ở Sa Pa trong tour OTV-2026-002233 ẩm mốc, ga giường có vết bẩn, nhà tắm không có nước nóng. Không giống ảnh 3 sao trên website chút nào.',
    expected: 'general',
  },
  {
    subject: 'xe hu giua duong',
    body: 'xe dua doan di hoi an bi hu giua duong, cho 2 tieng moi co xe khac. mat nguyen buoi chieu tham quan, cong ty tinh sao day',
    expected: 'general',
  },
  {
    subject: 'Quên túi máy ảnh trên xe',
    body: 'Tôi để quên một chiếc túi màu đen có máy ảnh Canon trên xe 29 chỗ chở đoàn từ Cần Thơ về Sài Gòn hôm qua. Nhờ công ty liên hệ tài xế kiểm tra giúp.',
    expected: 'general',
  },
  {
    subject: 'Cảm ơn anh Tuấn',
    body: 'Cả nhà tôi rất hài lòng với chuyến đi Phú Quốc. Đặc biệt cảm ơn anh Tuấn hướng dẫn viên nhiệt tình, vui tính. Sẽ giới thiệu cho bạn bè.',
    expected: 'general',
  },
  {
    subject: 'Hỏi lịch trình tour Đà Nẵng – Hội An',
    body: 'Tour Đà Nẵng – Hội An 4 ngày có bao gồm vé Bà Nà Hills không? Bữa tối ngày thứ hai ăn ở đâu?',
    expected: 'general',
  },
  {
    subject: '',
    body: 'cho hoi tour sa pa co gioi han hanh ly ko, minh mang vali 23kg de tren xe duoc ko',
    expected: 'general',
  },
  {
    subject: 'Bữa trưa trên tàu quá tệ',
    body: "Bữa trưa trên tàu tour Hạ Long quá tệ, hải sản không tươi, con mình ăn xong bị đau bụng. Menu ghi 'seafood buffet' mà thực tế chỉ có vài món.",
    expected: 'general',
  },
  {
    subject: 'Chưa nhận được email lịch trình',
    body: 'Tôi đã đặt tour Mekong nhưng chưa nhận được email lịch trình chi tiết và điểm đón. Tour khởi hành thứ Bảy này, nhờ gửi lại vào email giúp tôi.',
    expected: 'general',
  },
  {
    subject: 'Việt kiều Mỹ có cần visa không?',
    body: 'Tôi là Việt kiều Mỹ, dùng hộ chiếu Mỹ, về Việt Nam đi tour 2 tuần thì cần xin e-visa hay được miễn thị thực? Công ty có hỗ trợ làm thủ tục không?',
    expected: 'general',
  },
  {
    subject: 'nhan vien thai do te',
    body: 'nhan vien tong dai noi chuyen rat coc loc khi toi hoi ve diem don. lan dau thay cong ty du lich phuc vu kieu nay',
    expected: 'general',
  },
  {
    subject: 'Bị cắt bớt điểm tham quan',
    body: 'Theo chương trình, đoàn được tham quan chợ nổi Cái Răng và vườn trái cây, nhưng hướng dẫn viên bỏ qua vườn trái cây mà không giải thích gì. Mong công ty xem lại chất lượng.',
    expected: 'general',
  },
  {
    subject: 'Guide was late and on his phone',
    body: 'Our guide for the Hoi An walking tour showed up 45 minutes late and was on his phone the whole time. Not what we expected at all.',
    expected: 'general',
  },
  {
    subject: 'Lost jacket on the boat',
    body: 'I left a blue North Face jacket on the Ha Long Bay boat (Saturday the 14th, cabin 203). Could someone check if it was found?',
    expected: 'general',
  },
  {
    subject: 'Thank you for the Mekong tour',
    body: 'Just wanted to say thank you. I took my parents back to Bến Tre for the first time since they left in 1980, and your guide chị Hạnh made it so special. They cried the whole boat ride. Cảm ơn nhiều!',
    expected: 'general',
  },
  {
    subject: 'Visa question',
    body: "I'm a French citizen. Do I need a visa for a 10-day trip including Sa Pa and Ha Long? Does your tour include a visa support letter?",
    expected: 'general',
  },
  {
    subject: 'Is anyone reading these emails?',
    body: "I've emailed your support twice asking what time the pickup is for the Phu Quoc island hopping tour and nobody has replied. Is anyone actually reading these emails?",
    expected: 'general',
  },
  {
    subject: 'luggage',
    body: 'Hi, we are 4 person with big luggage, 2 suitcase each. Is the minibus to Sapa enough space or we need order bigger car?',
    expected: 'general',
  },
  {
    subject: 'Bus broke down',
    body: "The bus from Hanoi to Ha Long broke down on the highway and we waited 90 minutes with no air conditioning. The driver didn't speak English and nobody explained anything. Really poor.",
    expected: 'general',
  },
  {
    subject: 'Itinerary question',
    body: 'Does the Da Nang 3-day tour include Marble Mountains and My Son, or are those optional add-ons? Also, is there a vegetarian meal option?',
    expected: 'general',
  },
];
