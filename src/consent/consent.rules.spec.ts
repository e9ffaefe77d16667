import { asksToUnsubscribe, isNewEvent } from './consent.rules.js';

describe('asking to stop the newsletter by mail', () => {
  it.each([
    ['Hủy đăng ký bản tin', ''],
    ['', 'Xin hủy đăng ký bản tin giúp tôi.'],
    ['', 'Huy dang ky ban tin giup toi'],
    ['', 'HỦY ĐĂNG KÝ NHẬN BẢN TIN'],
    ['Re: Bản tin tháng 12', 'Làm ơn ngừng gửi bản tin cho tôi nữa, cảm ơn.'],
    ['', 'Mình không muốn nhận bản tin nữa'],
    ['', 'dung gui thu khuyen mai cho minh nua'],
    ['', 'Xin hủy nhận email quảng cáo.'],
    ['unsubscribe', ''],
    ['Re: Unsubscribe', ''],
    ['hủy đăng ký', ''],
    ['Newsletter', 'Please unsubscribe me.'],
    ['', 'Please stop sending me your newsletter'],
    ['', 'Remove me from your mailing list please'],
    ['', 'I would like to opt out of marketing emails.'],
    ['', 'No more newsletters, thanks'],
    ['', 'The unsubscribe link does not work, please take me off'],
  ])('recognises %j %j', (subject, text) => {
    expect(asksToUnsubscribe(subject, text)).toBe(true);
  });

  it.each([
    ['Tour bị hủy', 'I want to unsubscribe from nothing, my tour was cancelled and I want a refund.'],
    ['Hoàn tiền', 'Tour của tôi bị hủy, tôi muốn hoàn tiền.'],
    ['', 'Đừng hủy đăng ký bản tin của tôi, tôi vẫn muốn nhận.'],
    ['', 'I do not want to unsubscribe, I love the newsletter'],
    ['', 'Tôi không nhận được bản tin tháng này, xin gửi lại.'],
    ['', 'Tôi là Huy, bản tin tuần này rất hay.'],
    ['', 'Tôi dùng bản tin để chọn tour.'],
    ['Hủy tour', 'Tôi muốn hủy tour Đà Lạt đã đặt qua chương trình khuyến mãi.'],
    ['', 'Thời gian gửi bản tin nên sớm hơn.'],
    ['Đổi lịch', 'Hủy đăng ký tour ngày 12/12 và đổi sang ngày 20/12.'],
  ])('does not take %j %j as a request', (subject, text) => {
    expect(asksToUnsubscribe(subject, text)).toBe(false);
  });
});

describe('which consent changes are new events', () => {
  it('ignores an automatic withdrawal of a consent already withdrawn', () => {
    expect(isNewEvent('withdrawn', 'withdrawn', 'link')).toBe(false);
    expect(isNewEvent('withdrawn', 'withdrawn', 'mail')).toBe(false);
    expect(isNewEvent('given', 'withdrawn', 'link')).toBe(true);
    expect(isNewEvent(null, 'withdrawn', 'mail')).toBe(true);
  });

  it('always records what a person did', () => {
    expect(isNewEvent('given', 'given', 'form')).toBe(true);
    expect(isNewEvent('withdrawn', 'withdrawn', 'agent')).toBe(true);
  });
});
