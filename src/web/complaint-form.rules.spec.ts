import { checkComplaintForm, MAX_FILE_BYTES } from './complaint-form.rules.js';

const valid = {
  name: '  Nguyễn Thị Mai ',
  email: 'Mai.Nguyen@Gmail.com',
  phone: '0912 345 678',
  bookingReference: 'OTV-2026-001234',
  topic: 'payment',
  description: 'Tôi đã chuyển khoản hai lần cho tour Hạ Long, xin hoàn lại một lần.',
  consent: 'yes',
};
const photo = { originalname: 'bien-lai.jpg', mimetype: 'image/jpeg', size: 200_000 };

describe('complaint form', () => {
  it('accepts a complete form, trimming, lower-casing the e-mail and reading a local number as Vietnamese', () => {
    expect(checkComplaintForm(valid, [photo])).toEqual({
      ok: true,
      complaint: {
        name: 'Nguyễn Thị Mai',
        email: 'mai.nguyen@gmail.com',
        phoneE164: '+84912345678',
        bookingReference: 'OTV-2026-001234',
        topic: 'payment',
        dataRequest: null,
        description: valid.description,
        newsletter: false,
      },
    });
    const overseas = checkComplaintForm({ ...valid, phone: '+61 412 345 678', newsletter: 'yes' }, []);
    expect(overseas).toMatchObject({ ok: true, complaint: { phoneE164: '+61412345678', newsletter: true } });
  });

  it('makes a named personal-data right a personal-data request, and refuses rights not on the list', () => {
    expect(checkComplaintForm({ ...valid, dataRequest: 'copy' }, [])).toMatchObject({
      ok: true,
      complaint: { topic: 'privacy_request', dataRequest: 'copy' },
    });
    expect(checkComplaintForm({ ...valid, dataRequest: 'sell_my_data' }, [])).toEqual({
      ok: false,
      errors: { dataRequest: 'error.dataRequest' },
    });
  });

  it('names every field in error with the reason, consent included', () => {
    expect(
      checkComplaintForm({ email: 'not-an-address', phone: '12', topic: 'other', description: 'Tệ' }, []),
    ).toEqual({
      ok: false,
      errors: {
        name: 'error.required',
        email: 'error.email',
        phone: 'error.phone',
        topic: 'error.topic',
        description: 'error.tooShort',
        consent: 'error.consent',
      },
    });
  });

  it('limits attachments by count, size and type', () => {
    const errorsWith = (files: (typeof photo)[]) => {
      const result = checkComplaintForm(valid, files);
      return result.ok ? null : result.errors.attachments;
    };
    expect(errorsWith(Array.from({ length: 6 }, () => photo))).toBe('error.tooManyFiles');
    expect(errorsWith([{ ...photo, size: MAX_FILE_BYTES + 1 }])).toBe('error.fileTooLarge');
    expect(errorsWith([{ ...photo, originalname: 'x.exe', mimetype: 'application/x-msdownload' }])).toBe(
      'error.fileType',
    );
    expect(errorsWith([{ ...photo, mimetype: 'IMAGE/PNG' }])).toBeNull();
  });
});
