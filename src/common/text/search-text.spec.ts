import { foldForSearch, likeContains, normalizeText } from './search-text.js';

describe('foldForSearch', () => {
  it('matches Vietnamese names typed without tone marks', () => {
    expect(foldForSearch('Nguyễn Văn A')).toBe('nguyen van a');
    expect(foldForSearch('Khiếu nại: hoàn tiền tour Đà Lạt')).toBe('khieu nai: hoan tien tour da lat');
  });

  it('folds NFC and NFD forms to the same string', () => {
    const nfc = 'Huỷ tour'.normalize('NFC');
    const nfd = 'Huỷ tour'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(foldForSearch(nfc)).toBe(foldForSearch(nfd));
  });

  it('turns đ and Đ into d and collapses white space', () => {
    expect(foldForSearch('  ĐẶT   đơn\thàng ')).toBe('dat don hang');
  });
});

describe('normalizeText', () => {
  it('stores the composed form', () => {
    expect(normalizeText('ệ'.normalize('NFD'))).toBe('ệ'.normalize('NFC'));
  });
});

describe('likeContains', () => {
  it('escapes LIKE wildcards', () => {
    expect(likeContains('50%_off!')).toBe('%50!%!_off!!%');
  });
});
