import type { CategoryKey } from './classifier.rules.js';

export interface LabelledSample {
  subject: string;
  body: string;
  expected: CategoryKey;
}

/** Some mail clients and phone keyboards send Vietnamese decomposed: base letters followed by combining marks. */
function decomposed(sample: LabelledSample): LabelledSample {
  return { ...sample, subject: sample.subject.normalize('NFD'), body: sample.body.normalize('NFD') };
}

/**
 * Complaints as customers of a Vietnamese tour company write them, labelled with the category a dispatcher
 * would pick. The first samples of each category were written before the keyword lists; the later ones were
 * held-out batches, each measured before the keyword changes it prompted. The last two batches were written
 * together, before the lists were broadened: the fresh batch (60) scored 34/60 before and was then tuned on;
 * the validation batch (30) scored 13/30 before and 26/30 after, and was not tuned on. Every other sample has
 * shaped the lists, so accuracy here overstates accuracy on new mail.
 */
export const LABELLED_SAMPLES: LabelledSample[] = [
  // fraud_or_tampering
  {
    subject: 'Có người giả mạo Offtrack gọi điện đòi chuyển khoản',
    body:
      'Chào Offtrack, sáng nay có một số điện thoại tự xưng là nhân viên Offtrack Travel gọi cho mẹ tôi, bảo chuyển ' +
      'thêm 5 triệu để giữ chỗ tour Phú Quốc. Mẹ tôi suýt chuyển. Đây có phải lừa đảo không? Mã đặt tour ' +
      'OTV-2026-001234.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Hóa đơn bị sửa',
    body:
      'Tôi nhận được hóa đơn qua email nhưng số tiền trên đó khác với số tiền tôi đã thỏa thuận với nhân viên, ' +
      'hình như file PDF đã bị chỉnh sửa. Nhờ anh chị kiểm tra giúp.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Giao dịch bị tạm ngưng',
    body:
      'Ngân hàng báo giao dịch thanh toán tour của tôi bị tạm ngưng để xác minh vì nghi ngờ gian lận. Tôi không ' +
      'hề đặt tour nào với các bạn. Ai đó đã dùng thẻ của tôi.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'tai khoan bi xam nhap',
    body:
      'Toi vua nhan email bao doi mat khau tai khoan Offtrack ma toi khong lam. Sau do co mot booking moi ten ' +
      'nguoi la. Xin khoa tai khoan giup toi.',
    expected: 'fraud_or_tampering',
  },
  decomposed({
    subject: 'Email lạ mạo danh công ty',
    body:
      'Tôi nhận email từ địa chỉ offtrack-travel-vn.com yêu cầu nhập số thẻ để "xác nhận hoàn tiền". Có phải email ' +
      'của công ty không hay là mạo danh?',
    expected: 'fraud_or_tampering',
  }),
  {
    subject: 'Voucher khách sạn không khớp',
    body:
      'Voucher khách sạn tôi nhận từ một đại lý nói là đối tác của Offtrack có tên và ngày bị thay đổi, khách sạn ' +
      'nói không có đặt phòng nào. Tôi nghi là giấy tờ giả.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Nội dung đặt tour bị thay đổi',
    body:
      'Tôi đặt tour Hà Giang 4 người nhưng khi đăng nhập lại thì thấy booking chỉ còn 2 người và email liên hệ đã ' +
      'bị đổi sang một địa chỉ khác. Tôi không hề sửa gì. Mã OTV-2026-004417.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Someone used my card to book a tour',
    body:
      'Hi, I just saw a charge from Offtrack Travel on my credit card statement for a Ha Long Bay cruise I never ' +
      'booked. I did not authorise this. I have already called my bank to dispute it.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Fake Offtrack website?',
    body:
      'A friend sent me a link to offtrack-deals.net which looks exactly like your site but the prices are half. ' +
      'I paid a deposit there and now nobody answers. Is this a scam?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Invoice looks altered',
    body:
      'The invoice attached to my confirmation email shows a different bank account than the one on your website. ' +
      'Has someone tampered with it? I have not paid yet.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Phishing email pretending to be you',
    body:
      'I received an email claiming to be from Offtrack asking me to re-enter my passport and card details to ' +
      'keep my booking. The sender address is strange. Please confirm this is phishing.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Chargeback I did not request',
    body:
      'My bank told me a chargeback was opened for tour OTV-2026-002210 but I never asked for one. Someone seems ' +
      'to be impersonating me.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Booking details changed without my consent',
    body:
      'Somebody logged into my account and changed the names on my booking for the Mekong Delta trip. I got a ' +
      'notification at 3am. I did not make these changes.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Receipt from your agent',
    body:
      'Your sales agent gave me a receipt with a stamp that your Hanoi office says is not yours. I paid ' +
      '12,000,000 VND in cash. I think the receipt is forged.',
    expected: 'fraud_or_tampering',
  },

  {
    subject: 'Fanpage mạo nhận',
    body: 'Có fanpage tên Offtrack Travel Official đang bán tour giá rẻ và bắt chuyển khoản trước. Fanpage đó có phải của công ty không?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Số tài khoản trên hợp đồng khác',
    body: 'Hợp đồng tôi nhận qua Zalo ghi số tài khoản cá nhân chứ không phải tài khoản công ty. Tôi nghi có người sửa hợp đồng.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'tk cua toi',
    body: 'Co nguoi dang nhap tai khoan cua toi va dat 2 tour ma toi khong biet.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Ngân hàng khóa thẻ',
    body: 'Ngân hàng vừa khóa thẻ của tôi vì giao dịch đáng ngờ với Offtrack Travel lúc 2 giờ sáng. Tôi không thực hiện giao dịch đó.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Suspicious call',
    body: 'A man called me saying he was from Offtrack and asked for the OTP code sent to my phone. Is that normal?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Edited PDF',
    body: 'The PDF confirmation I got from a reseller has your logo but the dates and price were clearly edited. Did you issue this?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Not my booking',
    body: 'There is a booking in my name that I never made and my card was billed for it.',
    expected: 'fraud_or_tampering',
  },

  {
    subject: 'Có phải nhân viên công ty không?',
    body: 'Một người nhắn Zalo nói là sale của Offtrack, gửi link thanh toán lạ và bảo chuyển vào số tài khoản mang tên cá nhân. Tôi hơi nghi.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Booking của tôi bị ai đó sửa',
    body: 'Tên người đi trong booking OTV-2026-007781 đã bị đổi thành người khác, tôi không hề yêu cầu.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Thẻ bị dùng trái phép',
    body: 'Thẻ Visa của tôi bị trừ 12 triệu cho một tour tôi không đặt. Đề nghị công ty kiểm tra gấp.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Gia mao chu ky',
    body: 'Hop dong gui cho toi co chu ky giam doc nhung nhin rat khac, toi nghi la gia mao.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Weird email asking for bank details',
    body: 'Got an email from bookings@offtrack-support.co asking me to confirm my bank login to release a refund. This looks like a scam to me.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Someone changed my booking',
    body: 'The contact email and phone on my booking were changed yesterday and it was not me. Please freeze it.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Voucher not valid',
    body: 'The hotel says the voucher number on my document does not exist in their system and the document looks fake.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Cảnh giác',
    body: 'Nhóm Facebook "Du lịch giá rẻ Offtrack" đang thu tiền cọc của nhiều người rồi chặn liên lạc. Công ty nên lên tiếng.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Xác nhận đặt chỗ bị chỉnh',
    body: 'Email xác nhận tôi nhận được có giá khác với giá trên hợp đồng giấy, ai đó đã chỉnh sửa email này.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'co nguoi mao danh',
    body: 'Co nguoi goi dien mao danh cong ty doi tien phat huy tour, toi co phai tra khong?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Card skimmed?',
    body: 'Two payments I never authorised went to Offtrack from my card last night.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Confirmation doesnt match',
    body: 'Someone has modified my booking confirmation, the pickup address now points to a different hotel. I did not request this.',
    expected: 'fraud_or_tampering',
  },
  // Fresh batch: scored before the lists were broadened, then tuned on.
  {
    subject: 'Có người gọi tự nhận là nhân viên bên mình',
    body:
      'Chiều qua có người gọi cho tôi, xưng là nhân viên chăm sóc khách hàng của Offtrack, nói tour Đà Nẵng ' +
      'của tôi bị lỗi hệ thống và bảo tôi chuyển thêm 3 triệu vào một số tài khoản để giữ chỗ. Tôi thấy ' +
      'không ổn nên chưa chuyển. Bên mình có gọi thật không?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'so tien tren xac nhan bi sua',
    body:
      'Email xac nhan dat tour em nhan duoc ghi tong tien 18.500.000 nhung hom qua mo lai file thi thanh ' +
      '25.800.000, so tai khoan nhan tien cung khac. Em khong he yeu cau thay doi gi. Nho ben minh kiem tra ' +
      'gap.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Someone pretending to be your staff',
    body:
      'A man messaged my mother on Zalo saying he works for Offtrack and that she needed to transfer the ' +
      'remaining balance to a new bank account because your old one was closed. Is this really you? She ' +
      'almost sent the money.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Tin nhắn Zalo lạ đòi tiền',
    body:
      'Tôi nhận tin nhắn Zalo từ tài khoản có logo Offtrack, báo tôi trúng voucher giảm 50% và yêu cầu gửi ' +
      'mã xác thực ngân hàng để nhận. Tôi nghi là lừa nên hỏi lại công ty.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Booking changed, not by me',
    body:
      'I logged in tonight and the passenger names on my booking OTV-2026-007781 have been switched to ' +
      'people I do not know, and the pickup hotel is different. Nobody in my family made these changes.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Giao dịch không phải do tôi thực hiện',
    body:
      'Sáng nay ngân hàng nhắn tin báo thẻ của tôi vừa thanh toán 12 triệu cho Offtrack Travel. Tôi không ' +
      'hề mua tour nào. Đề nghị công ty dừng ngay giao dịch này và kiểm tra.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'nghi bi lua',
    body:
      'Minh dat tour qua mot trang facebook ten Offtrack Travel Official, da chuyen coc 2 trieu nhung gio ' +
      'ho chan minh roi. Cho minh hoi trang do co phai cua cong ty khong?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Receipt does not match what I paid',
    body:
      'The receipt your agent emailed shows 9,200,000 VND but I paid 12,000,000 in cash at the office and ' +
      'she signed a paper for that amount. It looks like the numbers on the PDF were changed after she ' +
      'signed it.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Tài khoản Offtrack của tôi bị người khác dùng',
    body:
      'Tôi nhận được email xác nhận đặt tour Côn Đảo mà tôi không đặt, trong khi mật khẩu tài khoản của tôi ' +
      'đã bị đổi. Có thể ai đó đã vào được tài khoản. Xin khóa tài khoản và hủy booking lạ này giúp tôi.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Strange payment link',
    body:
      'Got an SMS with a link to pay for my Hoi An tour, but the website address is offtrack-payments.top ' +
      'and it asked for my card PIN. My booking was already paid in full. Can you confirm this is not from ' +
      'you?',
    expected: 'fraud_or_tampering',
  },
  // Validation batch: scored once after that tuning and not tuned on; its misses are left in.
  {
    subject: 'Cảnh báo',
    body:
      'Có tài khoản Facebook dùng ảnh và tên công ty mình đang nhận cọc tour giá rẻ, nhiều người đã mất ' +
      'tiền. Công ty nên lên tiếng.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Is this email legit?',
    body:
      'I received an email from bookings@offtrack-vn.net telling me my tour was cancelled and to click a ' +
      'link to claim a refund with my card number. Looks dodgy.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'hop dong khac voi ban toi ky',
    body:
      'Ban hop dong scan gui lai cho toi co gia va so nguoi khac voi ban giay toi da ky, ai da chinh lai ' +
      'vay?',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Unknown charge from Offtrack',
    body:
      'There is a charge of 230 USD from Offtrack on my Visa that I do not recognise. I have never used ' +
      'your company.',
    expected: 'fraud_or_tampering',
  },
  {
    subject: 'Người lạ gọi biết hết thông tin tour',
    body:
      'Một người gọi cho tôi, biết rõ mã booking và ngày đi, nói là bên kế toán Offtrack và yêu cầu đọc mã ' +
      'OTP gửi về điện thoại để hoàn tiền. Tôi đã cúp máy.',
    expected: 'fraud_or_tampering',
  },
  // payment
  {
    subject: 'Bị trừ tiền hai lần',
    body:
      'Tôi thanh toán tour Đà Lạt bằng thẻ Visa hôm qua nhưng tài khoản bị trừ tiền 2 lần, mỗi lần 4.500.000đ. ' +
      'Nhờ kiểm tra và hoàn lại một lần giúp tôi.',
    expected: 'payment',
  },
  {
    subject: 'chua nhan duoc tien hoan',
    body:
      'Toi da duoc hua hoan tien tu thang truoc ma den gio van chua nhan duoc. Bi tru tien hai lan ma chi hoan ' +
      '1 lan.',
    expected: 'payment',
  },
  {
    subject: 'Chuyển khoản chưa được xác nhận',
    body:
      'Tôi đã chuyển khoản đặt cọc 30% qua Vietcombank từ thứ Hai nhưng hệ thống vẫn báo đơn chưa thanh toán. ' +
      'Tôi gửi kèm ảnh biên lai.',
    expected: 'payment',
  },
  {
    subject: 'Xuất hóa đơn VAT',
    body:
      'Công ty tôi cần hóa đơn đỏ cho tour team building tháng 5. Thông tin công ty và mã số thuế ở file đính ' +
      'kèm. Bao giờ bên bạn xuất được hóa đơn?',
    expected: 'payment',
  },
  decomposed({
    subject: 'Thanh toán thẻ bị lỗi',
    body:
      'Tôi thử thanh toán bằng thẻ tín dụng ba lần đều báo lỗi nhưng ngân hàng vẫn giữ tiền. Làm sao để được ' +
      'nhả tiền?',
    expected: 'payment',
  }),
  {
    subject: 'Hoàn tiền chậm',
    body:
      'Đoàn tôi bị hủy chuyến tàu do bão, công ty hứa hoàn tiền trong 7 ngày làm việc nhưng đã 3 tuần rồi vẫn ' +
      'chưa thấy.',
    expected: 'payment',
  },
  {
    subject: 'Phụ thu không báo trước',
    body:
      'Khi check-out khách sạn ở Hội An, tôi bị thu thêm 800.000đ phụ phí mà trong hợp đồng không có. Đề nghị ' +
      'công ty hoàn trả khoản này.',
    expected: 'payment',
  },
  {
    subject: 'REFUND',
    body: 'Tôi đã cancel từ 2 tuần trước mà chưa thấy refund. Check giúp em với.',
    expected: 'payment',
  },
  {
    subject: 'Charged twice for the same booking',
    body:
      'Hello, my card was charged twice for booking OTV-2026-000871 (USD 320 each). Please refund the duplicate ' +
      'payment.',
    expected: 'payment',
  },
  {
    subject: 'Refund still not received',
    body:
      'It has been 30 days since you confirmed my refund for the cancelled Sapa trek and I still have not seen the ' +
      'money. Can you send me a transaction reference?',
    expected: 'payment',
  },
  {
    subject: 'Payment page error',
    body:
      'I tried to pay the balance for my tour using Apple Pay and the page showed an error, but the amount is ' +
      'pending on my card. Did the payment go through?',
    expected: 'payment',
  },
  {
    subject: 'Invoice for my company',
    body:
      'Could you issue an invoice in the name of my company for the Mekong tour? We need it for reimbursement. ' +
      'Company name and tax code below.',
    expected: 'payment',
  },
  {
    subject: 'Wrong amount',
    body:
      'I was quoted 5,400,000 VND but my card was charged 6,100,000 VND. Nobody explained the difference. Please ' +
      'correct this.',
    expected: 'payment',
  },
  {
    subject: 'Deposit short because of bank fee',
    body:
      'Your bank deducted a transfer fee so my deposit shows as short by 15 USD. Do I need to pay the difference ' +
      'or is it fine?',
    expected: 'payment',
  },
  {
    subject: 'No receipt',
    body: 'Hi, I paid the deposit by bank transfer on Monday but did not get a receipt. Could you confirm you got it?',
    expected: 'payment',
  },

  {
    subject: 'Chưa nhận tiền hoàn',
    body: 'Đã 20 ngày từ khi công ty xác nhận hoàn lại 2 triệu mà tài khoản tôi vẫn chưa có.',
    expected: 'payment',
  },
  {
    subject: 'Thanh toan bang MoMo',
    body: 'Minh co the tra bang vi MoMo duoc khong hay chi nhan the?',
    expected: 'payment',
  },
  { subject: 'Tiền cọc', body: 'Nếu tôi đặt cọc 50% thì phần còn lại trả khi nào?', expected: 'payment' },
  {
    subject: 'Bị tính phí hai lần',
    body: 'Sao thẻ tôi bị tính phí hai lần cho cùng một tour vậy?',
    expected: 'payment',
  },
  {
    subject: 'Where is my money',
    body: 'You promised to return the 40 USD difference two weeks ago. Still nothing on my account.',
    expected: 'payment',
  },
  {
    subject: 'Card declined',
    body: 'My card keeps getting declined at checkout although it works everywhere else.',
    expected: 'payment',
  },
  {
    subject: 'Price difference',
    body: 'I paid 7 million but the website now shows 6 million for the same tour. Can I get the difference back?',
    expected: 'payment',
  },

  {
    subject: 'Tiền chưa về',
    body: 'Mình chuyển tiền từ hôm qua mà bên bạn báo chưa nhận, kiểm tra giúp mình nhé.',
    expected: 'payment',
  },
  {
    subject: 'Xin hoàn tiền tour',
    body: 'Tour bị rút ngắn 1 ngày do sạt lở, tôi đề nghị công ty hoàn lại phần tiền tương ứng.',
    expected: 'payment',
  },
  {
    subject: 'Trả bằng USD được không',
    body: 'Tôi có thể thanh toán bằng đô la Mỹ tiền mặt khi đến văn phòng không?',
    expected: 'payment',
  },
  {
    subject: 'Bi tinh sai gia',
    body: 'Gia tren web la 3tr2 ma khi thanh toan lai thanh 3tr9, sao vay?',
    expected: 'payment',
  },
  {
    subject: 'Extra charge on my card',
    body: 'There is an additional charge of 45 USD on my statement that nobody explained to me. What is it for?',
    expected: 'payment',
  },
  {
    subject: 'Paying the rest',
    body: 'When is the final balance due and can I pay it by card?',
    expected: 'payment',
  },
  {
    subject: 'Refund for missed excursion',
    body: 'The kayaking was skipped because of weather. I expect to be reimbursed for that part.',
    expected: 'payment',
  },
  {
    subject: 'Hoàn cọc',
    body: 'Tour bị dời vì bão, tôi không đi được ngày mới nên xin lấy lại tiền cọc.',
    expected: 'payment',
  },
  {
    subject: 'Chưa có hóa đơn điện tử',
    body: 'Tôi cần hóa đơn điện tử để quyết toán, gửi giúp vào email kế toán của công ty.',
    expected: 'payment',
  },
  {
    subject: 'Thanh toán thiếu',
    body: 'Hình như tôi chuyển thiếu 200 nghìn, tôi bổ sung vào tài khoản nào?',
    expected: 'payment',
  },
  {
    subject: 'Currency',
    body: 'Your site charged me in USD although I selected VND, so my bank added a foreign transaction fee.',
    expected: 'payment',
  },
  {
    subject: 'Payment link expired',
    body: 'The payment link you emailed has expired before I could pay. Can you send a new one?',
    expected: 'payment',
  },
  // Fresh batch: scored before the lists were broadened, then tuned on.
  {
    subject: 'Bị trừ tiền nhưng báo thanh toán không thành công',
    body:
      'Tôi thanh toán tour Mộc Châu bằng thẻ ATM, app ngân hàng đã trừ 4.600.000đ nhưng trang web lại báo ' +
      'giao dịch thất bại. Giờ tôi có phải thanh toán lại không hay tiền sẽ được trả về?',
    expected: 'payment',
  },
  {
    subject: 'Money taken but booking not confirmed',
    body:
      'The amount was debited from my account on Tuesday but the payment page showed an error and I never ' +
      'got a confirmation. Could you check whether you received it?',
    expected: 'payment',
  },
  {
    subject: 'chua nhan duoc tien tra lai',
    body:
      'Ben minh bao se tra lai tien tour bi huy trong 7 ngay lam viec, nay da 3 tuan roi ma minh van chua ' +
      'thay tien ve tai khoan. Nho kiem tra giup minh.',
    expected: 'payment',
  },
  {
    subject: 'Can I pay in two parts?',
    body:
      'We would like to book the Ha Giang loop for four people. Is it possible to pay half now and the rest ' +
      'a week before departure? Also do you accept PayPal?',
    expected: 'payment',
  },
  {
    subject: 'Xin số tài khoản công ty',
    body:
      'Cho em xin số tài khoản ngân hàng của công ty để em chuyển nốt phần tiền còn thiếu cho tour Phú Quốc ' +
      'ạ.',
    expected: 'payment',
  },
  {
    subject: 'Giá tính cho trẻ em bị sai',
    body:
      'Con tôi 7 tuổi nhưng hệ thống tính giá người lớn, tôi đã trả dư 1.200.000đ. Mong công ty trả lại ' +
      'phần tiền thừa.',
    expected: 'payment',
  },
  {
    subject: 'Tax paperwork for my employer',
    body:
      'My employer reimburses the trip, so I need a proper tax document with our company name and tax code ' +
      'on it. Who can issue that?',
    expected: 'payment',
  },
  {
    subject: 'the visa bi tru 2 lan',
    body: 'Em quet the 1 lan ma sao sao ke hien 2 khoan giong nhau 3.250.000, nho ben minh xem lai giup em.',
    expected: 'payment',
  },
  {
    subject: 'Exchange rate charged',
    body:
      'I was quoted 450 USD but my card statement shows 495 USD after conversion. Why is the total higher ' +
      'than what was on the booking page?',
    expected: 'payment',
  },
  {
    subject: 'Hỏi về khoản phí phát sinh',
    body:
      'Kết thúc tour Hà Giang, tài xế thu thêm mỗi người 200 nghìn tiền xăng, không có trong hợp đồng. Công ' +
      'ty giải thích hoặc hoàn lại khoản này giúp tôi.',
    expected: 'payment',
  },
  // Validation batch: scored once after that tuning and not tuned on; its misses are left in.
  {
    subject: 'Hoàn tiền chưa về',
    body:
      'Công ty xác nhận hoàn tiền từ 15/5 mà đến nay tài khoản tôi vẫn chưa nhận được. Nhờ kiểm tra lệnh ' +
      'chuyển giúp.',
    expected: 'payment',
  },
  {
    subject: 'Card payment keeps failing',
    body:
      'I tried three times to pay the deposit online and every time it says transaction could not be ' +
      'processed. Is there another way to pay?',
    expected: 'payment',
  },
  {
    subject: 'tien thua',
    body: 'Toi chuyen du 500k so voi gia tour, ben minh tra lai cho toi qua so tai khoan cu nhe.',
    expected: 'payment',
  },
  {
    subject: 'Quote vs final bill',
    body: 'Your quote said 1,200 USD for two but the final bill is 1,380 USD. Nobody explained the difference.',
    expected: 'payment',
  },
  {
    subject: 'Thanh toán bằng thẻ quốc tế',
    body: 'Tôi ở Úc, muốn trả tiền tour bằng thẻ Mastercard thì có mất phí không?',
    expected: 'payment',
  },
  // cancellation
  {
    subject: 'Hủy tour Sa Pa',
    body:
      'Chào anh chị, do con tôi bị ốm nên gia đình tôi muốn hủy tour Sa Pa khởi hành ngày 20/6. Xin cho biết phí ' +
      'hủy là bao nhiêu.',
    expected: 'cancellation',
  },
  {
    subject: 'Xin đổi ngày khởi hành',
    body:
      'Tôi đặt tour Hạ Long ngày 15/7 nhưng công ty có việc đột xuất, có thể dời sang 22/7 được không? Cảm ơn ' +
      'anh chị.',
    expected: 'cancellation',
  },
  {
    subject: 'Huỷ đặt phòng',
    body: 'Mình muốn huỷ booking khách sạn kèm tour Phú Quốc vì chuyến bay bị hoãn. Mình cần làm gì ạ?',
    expected: 'cancellation',
  },
  {
    subject: 'huy tour',
    body: 'Chao ban, toi muon huy tour Da Nang ngay 3/8 vi ly do suc khoe. Toi co duoc hoan tien khong? Cam on ban.',
    expected: 'cancellation',
  },
  decomposed({
    subject: 'Hủy một người trong đoàn',
    body:
      'Đoàn tôi có 6 người, một người không đi được nữa. Tôi muốn hủy suất của bạn ấy và giữ nguyên 5 người còn ' +
      'lại.',
    expected: 'cancellation',
  }),
  {
    subject: 'Lùi chuyến Tây Bắc',
    body:
      'Bọn mình muốn lùi chuyến Tây Bắc sang tháng sau vì dự báo thời tiết xấu. Nếu dời ngày thì có mất phí ' +
      'không?',
    expected: 'cancellation',
  },
  {
    subject: 'Tour bị hủy',
    body:
      'Nhân viên gọi báo tour Côn Đảo của tôi bị hủy vì không đủ khách. Tôi muốn chuyển sang tour khác cùng giá ' +
      'trong tháng 9.',
    expected: 'cancellation',
  },
  {
    subject: 'HUỶ TOUR GẤP!!!',
    body: 'Mình cần HUỶ TOUR Nha Trang ngày mai, nhà có việc đột xuất. Gọi lại cho mình số 0903 123 456.',
    expected: 'cancellation',
  },
  {
    subject: 'Cancel booking OTV-2026-003390',
    body:
      'Hi, unfortunately we have to cancel our Hoi An cooking class and city tour next month. Please let me know ' +
      'the cancellation fee.',
    expected: 'cancellation',
  },
  {
    subject: 'Change of travel dates',
    body: 'Would it be possible to move our Ninh Binh day trip from 12 March to 14 March? Our flight was rescheduled.',
    expected: 'cancellation',
  },
  {
    subject: 'trek',
    body: 'my wife broke her ankle so we cant do the trek anymore. how do i cancel and what is your cancellation policy',
    expected: 'cancellation',
  },
  {
    subject: 'Postpone our cruise',
    body:
      'Due to the typhoon warning we would like to postpone our Ha Long cruise to a later date. Is there a fee ' +
      'for rescheduling?',
    expected: 'cancellation',
  },
  {
    subject: 'Tour cancelled by you?',
    body:
      'I got a text saying my tour tomorrow was cancelled because of low numbers. Is that true? What are my ' +
      'options?',
    expected: 'cancellation',
  },
  {
    subject: 'One traveller less',
    body:
      'One of our travellers can no longer join. Can we remove her from the booking and keep the rest of the ' +
      'group on the same date?',
    expected: 'cancellation',
  },

  {
    subject: 'Không đi nữa',
    body: 'Gia đình tôi quyết định không đi tour Mũi Né nữa. Cho hỏi thủ tục hủy thế nào ạ?',
    expected: 'cancellation',
  },
  {
    subject: 'doi lich',
    body: 'Cho minh doi lich tour Ha Giang sang cuoi thang 10 duoc khong?',
    expected: 'cancellation',
  },
  {
    subject: 'Hoãn tour',
    body: 'Do dịch sốt xuất huyết, chúng tôi xin hoãn tour Cần Thơ sang năm sau.',
    expected: 'cancellation',
  },
  {
    subject: 'Đổi tour',
    body: 'Tôi muốn đổi tour Sa Pa sang tour Ninh Bình cùng ngày, có được không?',
    expected: 'cancellation',
  },
  {
    subject: 'Can we push back our trip',
    body: 'We need to push our Hue trip back by one week. Is that possible?',
    expected: 'cancellation',
  },
  {
    subject: 'Not coming',
    body: 'We will not be able to make it to the Cu Chi tour on Saturday. Please call it off.',
    expected: 'cancellation',
  },
  {
    subject: 'Cancel please',
    body: 'Please cancel reservation OTV-2026-005512 for two adults.',
    expected: 'cancellation',
  },

  {
    subject: 'Xin hủy giúp em',
    body: 'Anh ơi cho em hủy vé tour Đà Lạt ngày 12 nhé, em bận đột xuất.',
    expected: 'cancellation',
  },
  {
    subject: 'Đổi ngày đi',
    body: 'Nhà mình muốn đi sớm hơn 2 ngày, đổi được không bạn?',
    expected: 'cancellation',
  },
  {
    subject: 'khong di duoc nua',
    body: 'Me toi nhap vien nen ca nha khong di duoc nua, xin huy tour giup.',
    expected: 'cancellation',
  },
  {
    subject: 'Cancellation request',
    body: 'Hello, I need to cancel my booking for the Sapa homestay trip due to a family emergency.',
    expected: 'cancellation',
  },
  {
    subject: 'Date change',
    body: 'Can I switch my Halong cruise from Friday to Sunday?',
    expected: 'cancellation',
  },
  {
    subject: 'Our trip',
    body: 'Sadly we are unable to travel in May anymore. What happens to our booking?',
    expected: 'cancellation',
  },
  {
    subject: 'Không thể tham gia',
    body: 'Do công việc, tôi không thể tham gia tour Quy Nhơn ngày 5/9. Mong công ty hỗ trợ hủy giúp.',
    expected: 'cancellation',
  },
  {
    subject: 'doi sang thang sau',
    body: 'Minh muon chuyen tour Phu Quoc sang thang sau vi ban viec.',
    expected: 'cancellation',
  },
  {
    subject: 'Rebooking',
    body: 'Our flight got cancelled by the airline, so we need to rebook the tour for a later day.',
    expected: 'cancellation',
  },
  {
    subject: "Won't be joining",
    body: 'Hi, my partner and I will not be joining the Mekong tour tomorrow. Please cancel us.',
    expected: 'cancellation',
  },
  {
    subject: 'Shorten trip',
    body: 'Could we cancel the last day of our 5 day northern tour and return to Hanoi early?',
    expected: 'cancellation',
  },
  // Fresh batch: scored before the lists were broadened, then tuned on.
  {
    subject: 'Can I move my trip to next month?',
    body:
      'My wife is unwell so we cannot travel on the 14th. Is it possible to move our Sapa trek to sometime ' +
      'in July instead?',
    expected: 'cancellation',
  },
  {
    subject: 'Xin dời ngày đi tour',
    body:
      'Gia đình tôi có việc đột xuất, muốn dời tour Hạ Long từ 10/8 sang cuối tháng 8 được không ạ? Mã ' +
      'OTV-2026-002215.',
    expected: 'cancellation',
  },
  {
    subject: 'cho minh lui lich',
    body:
      'Minh bi om nen chac khong di kip chuyen Ha Giang thu 6 nay, ben minh cho lui sang tuan sau duoc ' +
      'khong?',
    expected: 'cancellation',
  },
  {
    subject: 'We need to cancel',
    body:
      "Unfortunately my father is in hospital and we won't be travelling. Please cancel our Mekong Delta " +
      'day tour for 3 people and tell me what the policy is.',
    expected: 'cancellation',
  },
  {
    subject: 'Không tham gia tour nữa',
    body:
      'Em xin phép không tham gia tour Tà Xùa cuối tuần này nữa vì công ty gọi đi công tác. Em có mất tiền ' +
      'cọc không ạ?',
    expected: 'cancellation',
  },
  {
    subject: 'Bớt một người',
    body: 'Đoàn em đặt 6 người nhưng một bạn không đi được nữa, cho em rút tên bạn ấy khỏi danh sách đoàn ạ.',
    expected: 'cancellation',
  },
  {
    subject: 'Change of plans',
    body:
      "Our flight was moved so we'll arrive in Hanoi two days later than planned. Can we start the Ninh " +
      'Binh tour on the 22nd instead of the 20th?',
    expected: 'cancellation',
  },
  {
    subject: 'huy giup em tour da lat',
    body: 'Em muon huy tour Da Lat ngay 5/9 a, ca nha em co viec khong di duoc.',
    expected: 'cancellation',
  },
  {
    subject: 'Drop out of the group tour',
    body:
      'I booked a place on the Cao Bang group departure in October but I have to withdraw. Do I get ' +
      'anything back?',
    expected: 'cancellation',
  },
  {
    subject: 'Hoãn chuyến đi vì bão',
    body:
      'Dự báo có bão vào Quảng Bình đúng ngày đoàn đi, tôi muốn hoãn chuyến sang tháng sau cho an toàn. ' +
      'Công ty hỗ trợ được không?',
    expected: 'cancellation',
  },
  // Validation batch: scored once after that tuning and not tuned on; its misses are left in.
  {
    subject: 'Family emergency',
    body:
      'My grandmother passed away and we have to fly home. We will not be able to do the Hue and Hoi An ' +
      'tour next week. What are our options?',
    expected: 'cancellation',
  },
  {
    subject: 'Đổi sang ngày khác được không',
    body:
      'Em đặt tour Cát Bà thứ 7 này nhưng bị trùng lịch thi, cho em chuyển sang thứ 7 tuần sau được không ' +
      'ạ?',
    expected: 'cancellation',
  },
  {
    subject: 'khong di nua',
    body: 'Chong toi bi gay chan nen ca nha khong di Phu Quoc duoc, xin huy giup toi va cho biet phi.',
    expected: 'cancellation',
  },
  {
    subject: 'Delay our tour by a week',
    body: 'Could we delay the start of our Mekong tour by one week? Our visas are taking longer than expected.',
    expected: 'cancellation',
  },
  {
    subject: 'Rút bớt ngày tour',
    body: 'Tour 5 ngày nhưng em chỉ đi được 3 ngày đầu, cho em cắt bớt 2 ngày cuối ạ.',
    expected: 'cancellation',
  },
  // newsletter
  {
    subject: 'Hủy đăng ký bản tin',
    body: 'Xin vui lòng hủy đăng ký bản tin khuyến mãi cho địa chỉ email này. Cảm ơn.',
    expected: 'newsletter',
  },
  {
    subject: 'Đừng gửi email quảng cáo nữa',
    body: 'Tuần nào tôi cũng nhận 3-4 email quảng cáo tour từ Offtrack. Làm ơn đừng gửi nữa.',
    expected: 'newsletter',
  },
  {
    subject: 'huy dang ky nhan tin',
    body: 'Toi khong muon nhan tin nhan quang cao qua Zalo va email nua, xin huy dang ky giup.',
    expected: 'newsletter',
  },
  decomposed({
    subject: 'Huỷ nhận bản tin',
    body: 'Mình đã đi tour rồi, giờ không cần nhận bản tin hàng tháng nữa. Bạn gỡ email mình khỏi danh sách nhé.',
    expected: 'newsletter',
  }),
  {
    subject: 'Quá nhiều tin nhắn khuyến mãi',
    body: 'Số điện thoại của tôi nhận SMS khuyến mãi của công ty gần như mỗi ngày. Tôi muốn ngừng nhận.',
    expected: 'newsletter',
  },
  {
    subject: 'Link hủy đăng ký không hoạt động',
    body: 'Tôi bấm vào link hủy đăng ký ở cuối email nhưng trang báo lỗi 404. Tôi vẫn tiếp tục nhận thư.',
    expected: 'newsletter',
  },
  {
    subject: 'Đăng ký nhầm email',
    body:
      'Tôi đăng ký nhận bản tin bằng email công ty, giờ muốn chuyển sang email cá nhân và bỏ email công ty ra ' +
      'khỏi danh sách.',
    expected: 'newsletter',
  },
  {
    subject: 'Unsubscribe',
    body: 'Please unsubscribe me from your mailing list.',
    expected: 'newsletter',
  },
  {
    subject: 'Stop sending me promotions',
    body:
      'I have asked twice already to stop the promotional emails. I travelled with you once in 2023, that does ' +
      'not mean I want weekly offers.',
    expected: 'newsletter',
  },
  {
    subject: 'Newsletter',
    body: 'How do I stop receiving the Offtrack newsletter? There is no link at the bottom of the email.',
    expected: 'newsletter',
  },
  {
    subject: 'Too many marketing emails',
    body: 'Your marketing emails are flooding my inbox. Take me off the list please.',
    expected: 'newsletter',
  },
  {
    subject: 'Text message offers',
    body: 'I want to opt out of the text message offers. I never signed up for them.',
    expected: 'newsletter',
  },
  {
    subject: 'Link in your email is broken',
    body: 'The unsubscribe link in your latest email goes to an error page.',
    expected: 'newsletter',
  },
  {
    subject: 'remove from list',
    body: 'hi, pls remove my email from your newsletter, thanks',
    expected: 'newsletter',
  },

  {
    subject: 'Đừng gửi mail nữa',
    body: 'Tôi không còn quan tâm đến các chương trình khuyến mãi, xin đừng gửi mail nữa.',
    expected: 'newsletter',
  },
  {
    subject: 'Hủy nhận tin',
    body: 'Làm thế nào để hủy nhận tin qua email của Offtrack?',
    expected: 'newsletter',
  },
  { subject: 'spam', body: 'Ngày nào cũng nhận mail giới thiệu tour, phiền quá.', expected: 'newsletter' },
  { subject: 'Emails', body: 'Please take my address off your email list.', expected: 'newsletter' },
  {
    subject: 'No more deals please',
    body: 'I keep getting your deal emails every day. Unsubscribe me.',
    expected: 'newsletter',
  },
  {
    subject: 'Marketing',
    body: 'Stop emailing me offers. I never agreed to receive marketing.',
    expected: 'newsletter',
  },

  {
    subject: 'Đăng ký nhận tin',
    body: 'Tôi không nhớ đã đăng ký nhận tin, làm ơn bỏ tôi ra khỏi danh sách gửi thư.',
    expected: 'newsletter',
  },
  {
    subject: 'Tin nhắn',
    body: 'Cứ mỗi tối lại có tin nhắn giới thiệu tour mới, tôi không muốn nhận nữa.',
    expected: 'newsletter',
  },
  {
    subject: 'Email spam',
    body: 'Stop the spam please. I get your travel deals every single morning.',
    expected: 'newsletter',
  },
  { subject: 'Remove me', body: 'Kindly remove me from all your marketing lists.', expected: 'newsletter' },
  {
    subject: 'unsubscribe not working',
    body: 'I clicked unsubscribe three times and still get the weekly newsletter.',
    expected: 'newsletter',
  },
  {
    subject: 'Ngừng gửi thư',
    body: 'Tôi nhận được quá nhiều thư giới thiệu ưu đãi, xin ngừng gửi cho địa chỉ này.',
    expected: 'newsletter',
  },
  {
    subject: 'Zalo OA',
    body: 'Làm sao để bỏ theo dõi tin nhắn quảng cáo từ Zalo OA của Offtrack?',
    expected: 'newsletter',
  },
  {
    subject: 'Too many emails',
    body: 'I get 5 emails a week from you about discounts. Please stop.',
    expected: 'newsletter',
  },
  { subject: 'opt-out', body: 'Please opt me out of the promotional texts.', expected: 'newsletter' },
  {
    subject: 'Not interested',
    body: 'I am not interested in your offers, take me off your list.',
    expected: 'newsletter',
  },
  // Fresh batch: scored before the lists were broadened, then tuned on.
  {
    subject: 'Too many promo emails',
    body: 'I get three emails a day from you about deals. I booked once two years ago. Please stop.',
    expected: 'newsletter',
  },
  {
    subject: 'Không muốn nhận email nữa',
    body: 'Làm ơn bỏ địa chỉ email của tôi ra khỏi danh sách gửi thư của công ty, tuần nào cũng nhận mấy cái.',
    expected: 'newsletter',
  },
  {
    subject: 'dung gui tin nhan nua',
    body: 'Ngay nao cung nhan tin nhan sms ve tour giam gia, toi khong dang ky bao gio. Xin ngung gui.',
    expected: 'newsletter',
  },
  {
    subject: 'Unsubscribe link takes me to a 404',
    body:
      'I clicked the unsubscribe link at the bottom of your latest email and it shows page not found. ' +
      'Please take me off manually.',
    expected: 'newsletter',
  },
  {
    subject: 'Thư giới thiệu tour',
    body: 'Sao tôi cứ nhận thư giới thiệu tour mới mỗi tuần vậy? Tôi chưa bao giờ đăng ký nhận.',
    expected: 'newsletter',
  },
  {
    subject: 'Stop the WhatsApp messages',
    body:
      'Your sales team keeps sending me WhatsApp messages with holiday offers. Please stop contacting me ' +
      'with advertising.',
    expected: 'newsletter',
  },
  {
    subject: 'Zalo quảng cáo',
    body: 'Zalo của công ty cứ nhắn tin quảng cáo tour liên tục, cho tôi hủy theo dõi với ạ.',
    expected: 'newsletter',
  },
  {
    subject: 'bo email toi khoi danh sach',
    body: 'Ban oi cho minh ngung nhan email uu dai nhe, nhieu qua.',
    expected: 'newsletter',
  },
  {
    subject: 'Please stop emailing my work address',
    body: 'Someone subscribed my work email to your travel deals. I never signed up. Remove it please.',
    expected: 'newsletter',
  },
  {
    subject: 'Giảm bớt email',
    body: 'Mình vẫn muốn biết tour mới nhưng mỗi tháng một email thôi được không, giờ nhiều quá.',
    expected: 'newsletter',
  },
  // Validation batch: scored once after that tuning and not tuned on; its misses are left in.
  {
    subject: 'Quá nhiều tin nhắn',
    body:
      'Ngày nào cũng có tin nhắn giới thiệu tour khuyến mại gửi vào số của tôi, rất phiền. Đề nghị dừng ' +
      'lại.',
    expected: 'newsletter',
  },
  {
    subject: 'Stop mailing me',
    body: 'I keep getting your weekly travel inspiration emails. I do not want them any more.',
    expected: 'newsletter',
  },
  {
    subject: 'huy nhan email',
    body: 'cho minh huy nhan email thong bao tour moi nhe, cam on.',
    expected: 'newsletter',
  },
  {
    subject: 'Email preferences',
    body: 'Where can I change my email preferences? I only want booking emails, not the sales ones.',
    expected: 'newsletter',
  },
  {
    subject: 'Tin nhắn Zalo',
    body: 'Vui lòng không gửi tin nhắn giới thiệu sản phẩm qua Zalo cho tôi nữa.',
    expected: 'newsletter',
  },
  // privacy_request
  {
    subject: 'Yêu cầu xóa dữ liệu cá nhân',
    body:
      'Tôi đề nghị công ty xóa toàn bộ dữ liệu cá nhân của tôi, bao gồm số hộ chiếu và ảnh chụp CCCD đã gửi khi ' +
      'đặt tour năm ngoái.',
    expected: 'privacy_request',
  },
  {
    subject: 'Công ty đang lưu gì về tôi?',
    body:
      'Theo Nghị định 13/2023, tôi muốn biết công ty đang lưu những thông tin gì về tôi và đã chia sẻ cho bên thứ ' +
      'ba nào.',
    expected: 'privacy_request',
  },
  {
    subject: 'xoa thong tin ca nhan',
    body: 'Toi muon xoa thong tin ca nhan va so dien thoai cua toi khoi he thong cua cong ty.',
    expected: 'privacy_request',
  },
  decomposed({
    subject: 'Sửa thông tin cá nhân',
    body:
      'Ngày sinh và số hộ chiếu trong hồ sơ của tôi bị sai. Nhờ công ty cập nhật lại thông tin cá nhân cho ' +
      'đúng.',
    expected: 'privacy_request',
  }),
  {
    subject: 'Không đồng ý dùng hình ảnh',
    body: 'Tôi rút lại sự đồng ý cho phép công ty sử dụng hình ảnh của tôi trong video quảng bá tour Mộc Châu.',
    expected: 'privacy_request',
  },
  {
    subject: 'Ảnh hộ chiếu bị đăng lên Facebook',
    body:
      'Hướng dẫn viên đăng ảnh hộ chiếu của cả đoàn lên nhóm Facebook. Đề nghị gỡ ngay và cho biết ai đã xem ' +
      'được dữ liệu này.',
    expected: 'privacy_request',
  },
  {
    subject: 'Bản chụp căn cước',
    body: 'Vì sao công ty lại giữ bản chụp căn cước của tôi sau khi tour đã kết thúc? Tôi yêu cầu xóa bản chụp này.',
    expected: 'privacy_request',
  },
  {
    subject: 'Delete my data',
    body:
      'Please delete my personal data from your systems, including my passport scan. I no longer wish to be your ' +
      'customer.',
    expected: 'privacy_request',
  },
  {
    subject: 'Data access request',
    body: 'Under GDPR Article 15 I request a copy of all personal information you hold about me.',
    expected: 'privacy_request',
  },
  {
    subject: 'Right to be forgotten',
    body:
      'I would like to exercise my right to erasure. Please confirm when my account and booking history have been ' +
      'removed.',
    expected: 'privacy_request',
  },
  {
    subject: 'Who did you share my details with?',
    body:
      'After booking with you I started getting calls from a hotel in Da Nang I never contacted. Did you share my ' +
      'phone number with third parties?',
    expected: 'privacy_request',
  },
  {
    subject: 'Wrong date of birth on file',
    body:
      'My surname is misspelled in your records and my date of birth is wrong. Please update your records; I can ' +
      'send a copy of my passport if needed.',
    expected: 'privacy_request',
  },
  {
    subject: 'Close my account',
    body: 'Please close my Offtrack account and erase everything linked to it.',
    expected: 'privacy_request',
  },
  {
    subject: 'Photos of our passports',
    body:
      'Your guide took photos of our passports on his personal phone. I want to know how that data is stored and ' +
      'I ask that it is deleted.',
    expected: 'privacy_request',
  },

  {
    subject: 'Thông tin của tôi',
    body: 'Tôi muốn biết công ty lấy số điện thoại của tôi từ đâu và xin xóa nó đi.',
    expected: 'privacy_request',
  },
  {
    subject: 'Xin xóa hồ sơ',
    body: 'Tôi không dùng dịch vụ nữa, đề nghị xóa hồ sơ khách hàng của tôi.',
    expected: 'privacy_request',
  },
  {
    subject: 'Sao chép dữ liệu',
    body: 'Cho tôi xin bản sao các thông tin công ty lưu về tôi.',
    expected: 'privacy_request',
  },
  {
    subject: 'Forget me',
    body: 'Please remove all records about me and my children from your database.',
    expected: 'privacy_request',
  },
  {
    subject: 'My info leaked?',
    body: 'My passport number appeared in an email sent to the whole group. How did that happen and who else can see it?',
    expected: 'privacy_request',
  },
  {
    subject: 'Subject access',
    body: 'I would like to know what data you keep about me and for how long.',
    expected: 'privacy_request',
  },

  {
    subject: 'Yêu cầu cung cấp thông tin',
    body: 'Tôi yêu cầu công ty cho biết đã dùng dữ liệu của tôi vào những mục đích gì.',
    expected: 'privacy_request',
  },
  {
    subject: 'Xoa tai khoan',
    body: 'Nho xoa tai khoan va thong tin cua toi tren website giup toi.',
    expected: 'privacy_request',
  },
  {
    subject: 'Ảnh trên website',
    body: 'Công ty đăng ảnh gia đình tôi lên website mà không xin phép. Đề nghị gỡ xuống.',
    expected: 'privacy_request',
  },
  {
    subject: 'Data deletion',
    body: 'I no longer travel with you. Please erase my details and confirm in writing.',
    expected: 'privacy_request',
  },
  {
    subject: 'Passport copies',
    body: 'How long do you keep copies of customer passports? I want mine removed.',
    expected: 'privacy_request',
  },
  {
    subject: 'Consent',
    body: 'I do not consent to my photos being used on your Instagram. Please take them down.',
    expected: 'privacy_request',
  },
  {
    subject: 'Quyền của tôi',
    body: 'Tôi yêu cầu công ty ngừng xử lý dữ liệu của tôi cho mục đích quảng cáo.',
    expected: 'privacy_request',
  },
  {
    subject: 'Xóa số CCCD',
    body: 'Chuyến đi đã xong, tôi muốn công ty xóa số căn cước tôi cung cấp.',
    expected: 'privacy_request',
  },
  {
    subject: 'Information request',
    body: 'Please tell me which of my personal details you passed to the hotel and the bus company.',
    expected: 'privacy_request',
  },
  {
    subject: 'Delete account',
    body: 'I want my Offtrack account deleted together with my travel history.',
    expected: 'privacy_request',
  },
  {
    subject: 'Recording',
    body: 'Did you record my phone call with your agent? I want a copy or for it to be deleted.',
    expected: 'privacy_request',
  },
  // Fresh batch: scored before the lists were broadened, then tuned on.
  {
    subject: 'Please remove my details from your system',
    body:
      'I travelled with you in 2024. I would like all my personal details, including my passport scan, ' +
      'removed from your system.',
    expected: 'privacy_request',
  },
  {
    subject: 'Sửa số điện thoại',
    body:
      'Số điện thoại trong hồ sơ của tôi bên công ty bị sai một số, nhờ sửa lại thành 0903 456 789 giúp ' +
      'tôi.',
    expected: 'privacy_request',
  },
  {
    subject: 'xoa so dien thoai cua toi',
    body: 'Toi khong con dung dich vu nua, de nghi cong ty xoa so dien thoai va email cua toi khoi he thong.',
    expected: 'privacy_request',
  },
  {
    subject: 'What do you store about me?',
    body:
      'Under GDPR I am asking for a copy of all information Offtrack holds about me and who it has been ' +
      'shared with.',
    expected: 'privacy_request',
  },
  {
    subject: 'Sao công ty có số của tôi?',
    body:
      'Tôi chưa từng đặt tour nhưng nhân viên công ty gọi điện tư vấn, xin hỏi công ty lấy số điện thoại ' +
      'của tôi ở đâu và đề nghị xóa đi.',
    expected: 'privacy_request',
  },
  {
    subject: 'Photo used on your Facebook page',
    body:
      'A picture of me and my kids from the Hue tour is on your Facebook page. I never agreed to this. ' +
      'Please take it down.',
    expected: 'privacy_request',
  },
  {
    subject: 'cap nhat email',
    body:
      'Em doi email roi, nho ben minh cap nhat email moi cua em trong ho so khach hang: ' +
      'lan.nguyen@example.com.',
    expected: 'privacy_request',
  },
  {
    subject: 'Delete passport copy',
    body:
      'You asked for a copy of my passport for the hotel check-in. Now the trip is over, please delete it ' +
      'and confirm.',
    expected: 'privacy_request',
  },
  {
    subject: 'Hồ sơ khách hàng',
    body: 'Tôi muốn biết công ty đang lưu giữ những gì về tôi và lưu trong bao lâu.',
    expected: 'privacy_request',
  },
  {
    subject: 'Không đồng ý chia sẻ thông tin',
    body:
      'Tôi không đồng ý để công ty gửi thông tin của tôi cho các đối tác khách sạn ngoài những gì cần cho ' +
      'chuyến đi.',
    expected: 'privacy_request',
  },
  // Validation batch: scored once after that tuning and not tuned on; its misses are left in.
  {
    subject: 'Delete everything about me',
    body:
      'Please erase every record you have of me, my bookings and my emails. I do not want to be in your ' +
      'database.',
    expected: 'privacy_request',
  },
  {
    subject: 'Sai ngày sinh trong hồ sơ',
    body: 'Hồ sơ của tôi ghi sai ngày sinh, nhờ công ty chỉnh lại là 12/03/1985.',
    expected: 'privacy_request',
  },
  {
    subject: 'Who has my passport details?',
    body: 'Which hotels and partners did you give my passport information to? I want a list.',
    expected: 'privacy_request',
  },
  {
    subject: 'xoa thong tin',
    body: 'De nghi cong ty xoa toan bo thong tin cua toi, toi khong dung dich vu nua.',
    expected: 'privacy_request',
  },
  {
    subject: 'Video có mặt tôi',
    body:
      'Video quảng cáo tour Hà Giang trên TikTok của công ty có mặt tôi mà chưa hỏi ý kiến tôi. Đề nghị gỡ ' +
      'xuống.',
    expected: 'privacy_request',
  },
  // general
  {
    subject: 'Hỏi về tour Mù Cang Chải',
    body:
      'Chào Offtrack, em là Huy. Em muốn hỏi tour Mù Cang Chải mùa lúa chín tháng 9 còn chỗ không, giá cho 2 người ' +
      'bao nhiêu ạ? Cảm ơn.\nHuy',
    expected: 'general',
  },
  {
    subject: 'hoi ve xe dua don',
    body: 'Chao ban, minh ten Huy, tour Ha Giang co xe don tai ben xe My Dinh khong? Cam on.\nNguyen Quang Huy',
    expected: 'general',
  },
  {
    subject: 'Hướng dẫn viên thiếu tôn trọng',
    body: 'Hướng dẫn viên tour Huế hôm 10/4 nói chuyện rất thiếu tôn trọng với bố mẹ tôi. Mong công ty chấn chỉnh.',
    expected: 'general',
  },
  decomposed({
    subject: 'Để quên đồ trên xe',
    body:
      'Tôi để quên một chiếc túi màu xanh trên xe 29 chỗ đón đoàn ở Ninh Bình chiều qua. Nhờ công ty liên hệ tài ' +
      'xế giúp.',
    expected: 'general',
  }),
  {
    subject: 'Khách sạn không như quảng cáo',
    body: 'Phòng khách sạn ở Quy Nhơn bẩn, điều hòa hỏng, khác hẳn ảnh trên web. Chúng tôi rất thất vọng.',
    expected: 'general',
  },
  {
    subject: 'Lịch trình chi tiết',
    body: 'Cho mình xin lịch trình chi tiết tour Đà Lạt 3 ngày 2 đêm và danh sách đồ cần mang theo nhé.',
    expected: 'general',
  },
  {
    subject: 'Khen hướng dẫn viên Huy',
    body:
      'Tour Sa Pa vừa rồi anh Huy hướng dẫn rất nhiệt tình, cả nhà tôi rất hài lòng. Mong công ty khen thưởng ' +
      'anh Huy.',
    expected: 'general',
  },
  {
    subject: 'Re: Lịch trình tour Ninh Bình',
    body:
      'Cảm ơn chị, em đã nhận được lịch trình. Cho em hỏi thêm có cần mang giày leo núi không?\n\n' +
      '> Vào 10/5 Offtrack đã viết:\n' +
      '> Nếu quý khách muốn hủy tour vui lòng báo trước 7 ngày. Chính sách hoàn tiền xem tại website.',
    expected: 'general',
  },
  {
    subject: 'Question about the Mekong tour',
    body: 'Hi, does the 2-day Mekong Delta tour include a homestay, and is it suitable for a 4-year-old?',
    expected: 'general',
  },
  {
    subject: 'Our guide was fantastic',
    body: 'Just wanted to say our guide Huy on the Hue city tour was brilliant. Please pass on our thanks!',
    expected: 'general',
  },
  {
    subject: 'Late pick-up',
    body:
      'The bus for our Cu Chi tunnels trip arrived 90 minutes late and we missed part of the visit. Not ' +
      'acceptable.',
    expected: 'general',
  },
  {
    subject: 'Visa letter',
    body: 'Can you provide an invitation letter for my Vietnam visa application? I have booked the northern loop tour.',
    expected: 'general',
  },
  {
    subject: 'No hot water',
    body:
      'Our room in Sapa had no hot water for two nights and reception did nothing. I expect better for the price ' +
      'we paid.',
    expected: 'general',
  },
  {
    subject: 'Vegetarian meals',
    body: 'My daughter is vegetarian. Can the Ha Long cruise provide vegetarian meals? Thanks, Huy Tran',
    expected: 'general',
  },
  {
    subject: 'Hỏi giá',
    body: 'Tour Phong Nha 3 ngày giá bao nhiêu, có đón ở Đồng Hới không?',
    expected: 'general',
  },
  {
    subject: 'Anh Huy',
    body: 'Cho em gửi lời cảm ơn anh Huy tour guide đoàn Hạ Long hôm qua.',
    expected: 'general',
  },
  { subject: 'Phàn nàn tài xế', body: 'Tài xế lái xe quá nhanh, cả đoàn rất sợ.', expected: 'general' },
  { subject: 'Travel insurance', body: 'Does the tour price include travel insurance?', expected: 'general' },
  {
    subject: 'Wheelchair',
    body: 'Is the Hoi An walking tour accessible for a wheelchair user?',
    expected: 'general',
  },
  {
    subject: 'Lost passport',
    body: 'I think I left my passport at the hotel in Sapa. Could your guide check with them?',
    expected: 'general',
  },
  {
    subject: 'Lịch trình bị thay đổi',
    body: 'Lịch trình bị thay đổi mà không báo trước, chúng tôi không được đi Bản Cát Cát như đã hứa.',
    expected: 'general',
  },
  {
    subject: 'Thái độ nhân viên',
    body: 'Nhân viên văn phòng Hà Nội trả lời điện thoại rất cộc lốc.',
    expected: 'general',
  },
  {
    subject: 'Cảm ơn',
    body: 'Cảm ơn anh Huy và cả đội đã tổ chức chuyến đi tuyệt vời. Hẹn gặp lại!',
    expected: 'general',
  },
  {
    subject: 'Hỏi tour',
    body: 'Em chào chị, em là Huy, tháng sau em muốn đặt tour Hà Giang cho 4 người ạ.',
    expected: 'general',
  },
  {
    subject: 'Guide was rude',
    body: 'Our guide declined to help my elderly father with his bag and was rude about it.',
    expected: 'general',
  },
  {
    subject: 'Waste of money',
    body: 'The floating market visit was a waste of money, only 20 minutes and mostly shops.',
    expected: 'general',
  },
  {
    subject: 'Best time to visit',
    body: 'When is the best time to visit Ha Giang, and what do you offer for families?',
    expected: 'general',
  },
  {
    subject: 'Pickup location',
    body: 'Can you pick us up from our hotel in the Old Quarter instead of the office?',
    expected: 'general',
  },
  {
    subject: 'Phản ánh',
    body: 'Xe đón trễ 1 tiếng và tài xế không liên lạc được. Mong công ty cải thiện.',
    expected: 'general',
  },
  {
    subject: 'Hỏi thêm',
    body: 'Chị Huy ơi, tour Tràng An có bao gồm vé thuyền không ạ?',
    expected: 'general',
  },
  { subject: 'Đồ ăn', body: 'Bữa trưa ở Mai Châu quá ít, không đủ cho cả đoàn.', expected: 'general' },
  { subject: 'Kids', body: 'Are children under 5 free on the Cu Chi tour?', expected: 'general' },
  {
    subject: 'Noise',
    body: 'Our hotel in Da Nang was next to a karaoke bar and we could not sleep.',
    expected: 'general',
  },
  {
    subject: 'Feedback',
    body: 'Huy, our guide, was amazing but the bus was too cold. Overall a great trip.',
    expected: 'general',
  },
  // Fresh batch: scored before the lists were broadened, then tuned on.
  {
    subject: 'Xe đón trễ 1 tiếng',
    body: 'Xe đón đoàn ở khách sạn trễ gần một tiếng, cả nhà đứng chờ ngoài nắng. Mong công ty rút kinh nghiệm.',
    expected: 'general',
  },
  {
    subject: 'Not worth it',
    body: 'Honestly the Hue city tour was not worth the money, we spent most of the time in souvenir shops.',
    expected: 'general',
  },
  {
    subject: 'hoi ve lich trinh',
    body: 'Cho minh hoi tour Ha Giang 3 ngay 2 dem co di qua Dong Van khong, va ngay thu 2 ngu o dau a?',
    expected: 'general',
  },
  {
    subject: 'Guide changed the itinerary',
    body:
      'Our guide changed the itinerary on day two without telling us and we missed the cave visit we were ' +
      'most excited about.',
    expected: 'general',
  },
  {
    subject: 'Phòng khách sạn bẩn',
    body: 'Phòng khách sạn ở Sa Pa có mùi ẩm mốc, ga giường bẩn. Tôi đã báo lễ tân nhưng không ai xử lý.',
    expected: 'general',
  },
  {
    subject: 'Khen bạn hướng dẫn viên',
    body: 'Cảm ơn bạn Huy hướng dẫn viên đoàn Hà Giang, bạn rất nhiệt tình và vui vẻ.',
    expected: 'general',
  },
  {
    subject: 'Lost my jacket on the bus',
    body:
      'I left my black jacket on the minibus after the Ninh Binh day trip on Saturday. Could the driver ' +
      'check?',
    expected: 'general',
  },
  {
    subject: 'thai do nhan vien',
    body: 'Nhan vien tu van tra loi tin nhan rat cham, hoi may lan moi tra loi, thai do khong nhiet tinh.',
    expected: 'general',
  },
  {
    subject: 'Question about luggage',
    body: 'How much luggage can we bring on the overnight train to Sapa? We have two large suitcases.',
    expected: 'general',
  },
  {
    subject: 'Đồ ăn trên du thuyền',
    body: 'Bữa tối trên du thuyền Hạ Long rất nghèo nàn so với hình quảng cáo, không đáng với số tiền bỏ ra.',
    expected: 'general',
  },
  // Validation batch: scored once after that tuning and not tuned on; its misses are left in.
  {
    subject: 'Hướng dẫn viên đến muộn',
    body: 'Hướng dẫn viên đến điểm hẹn muộn 40 phút và không xin lỗi.',
    expected: 'general',
  },
  {
    subject: 'Tour price for 2027?',
    body: 'Will the price of the Ha Long cruise change next year? We are planning a trip for March 2027.',
    expected: 'general',
  },
  {
    subject: 'Xe bị hỏng giữa đường',
    body: 'Xe bị hỏng giữa đèo, cả đoàn chờ 3 tiếng mới có xe khác thay. Mất nguyên buổi chiều.',
    expected: 'general',
  },
  {
    subject: 'Great trip',
    body: 'Thank you for a wonderful week, the team was amazing and everything went to plan.',
    expected: 'general',
  },
  {
    subject: 'hoi ve visa',
    body: 'Cho minh hoi nguoi nuoc ngoai di tour Ha Giang can giay phep gi khong?',
    expected: 'general',
  },
];
