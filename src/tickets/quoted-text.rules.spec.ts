import { splitQuotedText } from './quoted-text.rules.js';

function text(...lines: string[]): string {
  return lines.join('\n');
}

describe('splitQuotedText', () => {
  it('leaves a message without quote or signature whole', () => {
    const body = text('Chào anh/chị,', '', 'Tôi muốn hoàn tiền tour Sapa ngày 12/3.', 'Cảm ơn.');
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
  });

  it('gives an empty text back as it is', () => {
    expect(splitQuotedText('')).toEqual({ visible: '', quoted: null, signature: null });
  });

  it('splits a Gmail reply in English', () => {
    const body = text(
      'Still waiting for my refund.',
      '',
      'On Mon, 3 Mar 2025 at 09:12, Offtrack Care <care@offtrack.test> wrote:',
      '> Dear Lan,',
      '> We have received your complaint [OT#100231].',
      '>',
    );
    expect(splitQuotedText(body)).toEqual({
      visible: 'Still waiting for my refund.',
      signature: null,
      quoted: text(
        'On Mon, 3 Mar 2025 at 09:12, Offtrack Care <care@offtrack.test> wrote:',
        '> Dear Lan,',
        '> We have received your complaint [OT#100231].',
        '>',
      ),
    });
  });

  it('splits a Vietnamese Gmail reply whose attribution wraps over two lines', () => {
    const body = text(
      'Em vẫn chưa nhận được tiền hoàn ạ.',
      '',
      'Vào Th 2, 3 thg 3, 2025 vào lúc 09:12 Offtrack Care <',
      'care@offtrack.test> đã viết:',
      '',
      '> Kính gửi chị Lan,',
      '> Chúng tôi đã nhận được khiếu nại của chị.',
    );
    expect(splitQuotedText(body)).toEqual({
      visible: 'Em vẫn chưa nhận được tiền hoàn ạ.',
      signature: null,
      quoted: text(
        'Vào Th 2, 3 thg 3, 2025 vào lúc 09:12 Offtrack Care <',
        'care@offtrack.test> đã viết:',
        '',
        '> Kính gửi chị Lan,',
        '> Chúng tôi đã nhận được khiếu nại của chị.',
      ),
    });
  });

  it('reads decomposed (NFD) Vietnamese and returns NFC', () => {
    const body = text('Cảm ơn anh.', 'Vào Th 2, 3 thg 3, 2025 Offtrack Care đã viết:', '> Kính gửi chị Lan,');
    expect(splitQuotedText(body.normalize('NFD'))).toEqual({
      visible: 'Cảm ơn anh.'.normalize('NFC'),
      signature: null,
      quoted: text('Vào Th 2, 3 thg 3, 2025 Offtrack Care đã viết:', '> Kính gửi chị Lan,').normalize('NFC'),
    });
  });

  it('splits > quotes without an attribution', () => {
    expect(splitQuotedText(text('OK, agreed.', '> Can we move the tour to Friday?'))).toEqual({
      visible: 'OK, agreed.',
      signature: null,
      quoted: '> Can we move the tour to Friday?',
    });
  });

  it('does not split a reply written between the quoted lines', () => {
    const body = text(
      'On Mon, 3 Mar 2025, Offtrack Care <care@offtrack.test> wrote:',
      '> Which date did you travel?',
      '12 March.',
      '> How many people?',
      'Four adults.',
    );
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
  });

  it('does not take a customer’s own "On … wrote:" sentence for an attribution without > lines', () => {
    const body = text('On 3 March I wrote:', 'please refund the deposit for OT#100231.');
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
  });

  it('splits an Outlook reply at its header block and separator', () => {
    const body = text(
      'Please call me back today.',
      '',
      '________________________________',
      'From: Offtrack Care <care@offtrack.test>',
      'Sent: Monday, March 3, 2025 9:12 AM',
      'To: Lan Nguyen <lan.nguyen@outlook.com>',
      'Subject: [OT#100231] Refund',
      '',
      'Dear Lan,',
    );
    expect(splitQuotedText(body)).toEqual({
      visible: 'Please call me back today.',
      signature: null,
      quoted: text(
        '________________________________',
        'From: Offtrack Care <care@offtrack.test>',
        'Sent: Monday, March 3, 2025 9:12 AM',
        'To: Lan Nguyen <lan.nguyen@outlook.com>',
        'Subject: [OT#100231] Refund',
        '',
        'Dear Lan,',
      ),
    });
  });

  it('splits a Vietnamese Outlook reply, bold labels kept as asterisks', () => {
    const body = text(
      'Tôi đồng ý phương án đổi ngày.',
      '*Từ:* Offtrack Care <care@offtrack.test>',
      '*Đã gửi:* Thứ Hai, 3 tháng 3, 2025 9:12 SA',
      '*Đến:* Nguyễn Thị Lan <lan@example.vn>',
      '*Chủ đề:* [OT#100231] Đổi ngày tour',
    );
    expect(splitQuotedText(body).visible).toBe('Tôi đồng ý phương án đổi ngày.');
    expect(splitQuotedText(body).quoted).toBe(body.split('\n').slice(1).join('\n'));
  });

  it('splits at -----Original Message-----', () => {
    const body = text(
      'See below.',
      '-----Original Message-----',
      'From: Offtrack Care',
      'Sent: Monday',
      'Hello',
    );
    expect(splitQuotedText(body)).toEqual({
      visible: 'See below.',
      signature: null,
      quoted: text('-----Original Message-----', 'From: Offtrack Care', 'Sent: Monday', 'Hello'),
    });
  });

  it('does not take an itinerary written with From/To/Date for a header block', () => {
    const body = text(
      'Lịch trình của tôi:',
      'From: Hà Nội',
      'To: Sapa',
      'Date: 12/3/2025',
      'Xe đến muộn 3 tiếng.',
    );
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
  });

  it('keeps a Gmail forward whole, its header block and signature included', () => {
    const body = text(
      'FYI, đây là email xác nhận từ khách sạn.',
      '',
      '---------- Forwarded message ---------',
      'From: Sapa Hotel <booking@sapahotel.vn>',
      'Date: Mon, 3 Mar 2025 at 09:12',
      'Subject: Booking confirmation',
      'To: <lan@example.vn>',
      '',
      'Your room is confirmed.',
      '-- ',
      'Sapa Hotel',
      '> old quoted line',
    );
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
  });

  it('keeps a Vietnamese Gmail forward whole', () => {
    const body = text(
      'Chuyển anh xem.',
      '---------- Thư đã chuyển tiếp ---------',
      'Từ: Sapa Hotel <booking@sapahotel.vn>',
      'Ngày: Th 2, 3 thg 3, 2025',
      'Chủ đề: Xác nhận đặt phòng',
      'Đến: <lan@example.vn>',
    );
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
  });

  it('keeps an Apple Mail forward whole', () => {
    const body = text('See the hotel mail.', '', 'Begin forwarded message:', '', '> From: Sapa Hotel');
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
  });

  it('still splits a reply whose quoted history contains a forward', () => {
    const body = text(
      'Any news?',
      'On Tue, 4 Mar 2025, Offtrack Care <care@offtrack.test> wrote:',
      '> ---------- Forwarded message ---------',
      '> From: Sapa Hotel',
    );
    expect(splitQuotedText(body)).toEqual({
      visible: 'Any news?',
      signature: null,
      quoted: text(
        'On Tue, 4 Mar 2025, Offtrack Care <care@offtrack.test> wrote:',
        '> ---------- Forwarded message ---------',
        '> From: Sapa Hotel',
      ),
    });
  });

  it('splits the signature at "-- "', () => {
    const body = text('Please refund by Friday.', '', '-- ', 'Nguyễn Thị Lan', '0903 123 456');
    expect(splitQuotedText(body)).toEqual({
      visible: 'Please refund by Friday.',
      signature: text('-- ', 'Nguyễn Thị Lan', '0903 123 456'),
      quoted: null,
    });
  });

  it('splits the visible text, the signature and the quote together', () => {
    const body = text(
      'Cảm ơn anh.',
      '-- ',
      'Lan',
      '',
      'On Mon, 3 Mar 2025, Offtrack Care wrote:',
      '> Dear Lan,',
    );
    expect(splitQuotedText(body)).toEqual({
      visible: 'Cảm ơn anh.',
      signature: text('-- ', 'Lan'),
      quoted: text('On Mon, 3 Mar 2025, Offtrack Care wrote:', '> Dear Lan,'),
    });
  });

  it('trusts "-- " however long the signature below it', () => {
    const signature = text(
      '-- ',
      'Nguyễn Thị Lan',
      'Giám đốc',
      'Công ty ABC',
      'Tầng 5',
      '12 Lý Thái Tổ',
      'Hà Nội',
    );
    const body = text(
      'Đề nghị hoàn tiền trước thứ Sáu.',
      signature,
      'Tel: 024 1234 5678',
      'Fax: 024 1234 5679',
      'abc.vn',
    );
    expect(splitQuotedText(body)).toEqual({
      visible: 'Đề nghị hoàn tiền trước thứ Sáu.',
      signature: text(signature, 'Tel: 024 1234 5678', 'Fax: 024 1234 5679', 'abc.vn'),
      quoted: null,
    });
  });

  it('takes a "--" that lost its trailing space for a delimiter only above a short signature', () => {
    expect(splitQuotedText(text('Thanks,', '--', 'Lan Nguyen')).signature).toBe(text('--', 'Lan Nguyen'));
    const longAfterDashes = text('Chi tiết:', '--', '1', '2', '3', '4', '5', '6', '7', '8', '9');
    expect(splitQuotedText(longAfterDashes)).toEqual({
      visible: longAfterDashes,
      quoted: null,
      signature: null,
    });
  });

  it('does not take "--" inside a line or "---" for a delimiter', () => {
    const body = text('Giá -- 3 triệu', '---', 'Lan');
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
  });

  it.each([
    'Sent from my iPhone',
    'Sent from my Samsung Galaxy smartphone.',
    'Sent from Outlook for iOS',
    'Get Outlook for Android',
    'Gửi từ iPhone của tôi',
    'Được gửi từ điện thoại Samsung Galaxy của tôi.',
  ])('takes %j at the end of the new text for a signature', (line) => {
    const body = text(
      'Xe đón trễ 2 tiếng.',
      '',
      line,
      '',
      'On Mon, 3 Mar 2025, Offtrack Care wrote:',
      '> Dear Lan,',
    );
    expect(splitQuotedText(body)).toEqual({
      visible: 'Xe đón trễ 2 tiếng.',
      signature: line,
      quoted: text('On Mon, 3 Mar 2025, Offtrack Care wrote:', '> Dear Lan,'),
    });
  });

  it('does not take a sentence that starts like a mobile signature for one', () => {
    const body = text(
      'Sent from my hotel room yesterday, the guide never called back and we missed the bus.',
    );
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
    const middle = text('Sent from my iPhone', 'The guide never came.');
    expect(splitQuotedText(middle)).toEqual({ visible: middle, quoted: null, signature: null });
  });

  it('keeps the whole text visible when everything is quoted', () => {
    const body = text(
      'On Mon, 3 Mar 2025, Offtrack Care wrote:',
      '> Dear Lan,',
      '> Your refund is on its way.',
    );
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
    expect(splitQuotedText('> only a quote')).toEqual({
      visible: '> only a quote',
      quoted: null,
      signature: null,
    });
  });

  it('keeps the whole text visible when only a signature and a quote remain', () => {
    const body = text('Sent from my iPhone', '', '> Dear Lan,');
    expect(splitQuotedText(body)).toEqual({ visible: body, quoted: null, signature: null });
  });

  it('reads CRLF line ends and returns \\n', () => {
    const body = 'Still waiting.\r\n\r\nOn Mon, 3 Mar 2025, Offtrack Care wrote:\r\n> Dear Lan,\r\n';
    expect(splitQuotedText(body)).toEqual({
      visible: 'Still waiting.',
      signature: null,
      quoted: 'On Mon, 3 Mar 2025, Offtrack Care wrote:\n> Dear Lan,',
    });
  });
});
