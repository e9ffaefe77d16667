// The console pages benchmark's own parts: a browser-like visit (cookies, CSRF tokens from the forms, no
// redirects followed), the real sign-in with the first password change, the 20-message thread it reads, and
// the checks that a timed page is the page asked for, so that a broken page cannot pass for a fast one.
/* global fetch, URLSearchParams */
import { performance } from 'node:perf_hooks';
import { percentiles } from './paced-load.mjs';

const CSRF_FIELD = /name="_csrf" value="([^"]+)"/;
const THREAD_ENTRY = /<li class="(?:customer|staff|note)">/g;
const QUEUE_ROW = /<tr class="priority-\w+">/g;

/**
 * One visitor of the console: keeps the cookies the app sets and sends them back, like a browser on one
 * origin (every console cookie's path covers /console/). Redirects are returned, not followed.
 */
export function consoleVisit(baseUrl, signal) {
  const cookies = new Map();
  const remember = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      // res.clearCookie sets an empty value that expired in 1970.
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
  };
  const send = async (method, path, form) => {
    signal.throwIfAborted();
    const request = () =>
      fetch(`${baseUrl}${path}`, {
        method,
        redirect: 'manual',
        headers: {
          cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
          ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        body: form && new URLSearchParams(form).toString(),
      });
    const started = performance.now();
    // As in bench.mjs: a kept-alive connection the server closed while we were idle fails once.
    const response = await request().catch((error) => {
      if (method !== 'GET') throw error;
      return request();
    });
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    remember(response);
    return {
      status: response.status,
      location: response.headers.get('location'),
      html: body.toString('utf8'),
      bytes: body.length,
      ms,
    };
  };
  return {
    get: (path) => send('GET', path),
    post: (path, form) => send('POST', path, form),
  };
}

function expectStatus(page, status, what) {
  if (page.status !== status) {
    throw new Error(
      `${what} answered ${page.status}${page.location ? ` → ${page.location}` : ''}, ` +
        `expected ${status}: ${page.html.slice(0, 300)}`,
    );
  }
}

function csrfTokenOf(page, what) {
  const match = CSRF_FIELD.exec(page.html);
  if (!match) throw new Error(`${what} has no _csrf field`);
  return match[1];
}

/**
 * Signs in through the sign-in form as an agent would; an agent created with an initial password is sent
 * to choose their own first, which this does too.
 */
export async function signInToConsole(visit, { email, password, newPassword }) {
  const form = await visit.get('/console/sign-in');
  expectStatus(form, 200, 'GET /console/sign-in');
  const signedIn = await visit.post('/console/sign-in', {
    _csrf: csrfTokenOf(form, 'the sign-in page'),
    email,
    password,
  });
  expectStatus(signedIn, 303, 'POST /console/sign-in');
  if (signedIn.location === '/console/password') {
    const passwordForm = await visit.get('/console/password');
    expectStatus(passwordForm, 200, 'GET /console/password');
    const changed = await visit.post('/console/password', {
      _csrf: csrfTokenOf(passwordForm, 'the password page'),
      currentPassword: password,
      newPassword,
    });
    expectStatus(changed, 303, 'POST /console/password');
    if (changed.location !== '/console/queues') {
      throw new Error(`the new password was refused: sent to ${changed.location}`);
    }
    return { passwordChanged: true };
  }
  if (signedIn.location !== '/console/queues') throw new Error(`signed in to ${signedIn.location}`);
  return { passwordChanged: false };
}

/**
 * GETs `path` `warmUp` times uncounted, then `samples` times one after the other; every answer must be 200
 * and pass `check(html)` (which throws). Latency runs to the last byte of the page.
 */
export async function timePage(visit, path, { warmUp, samples, check }) {
  const latencies = [];
  const sizes = [];
  for (let i = 0; i < warmUp + samples; i++) {
    const page = await visit.get(path);
    expectStatus(page, 200, `GET ${path}`);
    check(page.html);
    if (i < warmUp) continue;
    latencies.push(page.ms);
    sizes.push(page.bytes);
  }
  return {
    path,
    requests: samples,
    latency: percentiles(latencies, [0.5, 0.95, 0.99, 1]),
    bytes: { min: Math.min(...sizes), max: Math.max(...sizes) },
  };
}

const escapeHtml = (text) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c],
  );

/** The queue page shows the queue by name, with `rows` tickets. */
export function queuePageCheck({ queueName, rows }) {
  return (html) => {
    if (!html.includes(`<h1>${escapeHtml(queueName)}</h1>`)) {
      throw new Error(`the queue page does not show the queue ${queueName}`);
    }
    const shown = html.match(QUEUE_ROW)?.length ?? 0;
    if (shown !== rows) throw new Error(`the queue page shows ${shown} tickets, not ${rows}`);
  };
}

/** The ticket page shows the ticket's number and its whole thread, down to the last message. */
export function ticketPageCheck({ displayNumber, messages, lastWords }) {
  return (html) => {
    if (!html.includes(`<h1>${displayNumber}:`)) {
      throw new Error(`the ticket page does not show ${displayNumber}`);
    }
    const shown = html.match(THREAD_ENTRY)?.length ?? 0;
    if (shown !== messages) throw new Error(`the ticket page shows ${shown} messages, not ${messages}`);
    if (!html.includes(lastWords)) throw new Error('the ticket page lacks the last message of the thread');
  };
}

// ---------------------------------------------------------------------------------------------------------
// The thread: a complaint about a cancelled tour, worked over two weeks by mail, phone and notes.

const CUSTOMER_WORDS = [
  'Tôi đã đặt tour Đà Lạt 3 ngày 2 đêm cho gia đình bốn người, khởi hành ngày 12/12, và đã thanh toán đủ ' +
    '12.400.000 đồng qua thẻ. Hai hôm trước ngày đi, công ty báo hủy tour mà không nói lý do.',
  'Đến nay đã quá bảy ngày làm việc nhưng tôi vẫn chưa nhận được tiền hoàn. Ngân hàng nói chưa thấy ' +
    'giao dịch hoàn nào từ phía công ty. Đề nghị kiểm tra và trả lời rõ ràng cho tôi.',
  'Tôi gửi kèm ảnh chụp sao kê thẻ và email xác nhận đặt tour. Mã đặt chỗ là OTV-2026-001234. ' +
    'Xin lưu ý thẻ này đứng tên vợ tôi, Trần Thị Hồng Nhung.',
  'Cảm ơn anh/chị đã phản hồi. Tuy nhiên số tiền hoàn chỉ là 11.160.000 đồng, thiếu 1.240.000 đồng so với ' +
    'số đã trả. Tôi không đồng ý bị trừ phí vì lỗi hủy tour là từ phía công ty.',
  'Tôi đã nhận đủ phần còn thiếu. Cảm ơn bộ phận chăm sóc khách hàng đã xử lý nhiệt tình.',
];
const AGENT_WORDS = [
  'Kính chào anh, chúng tôi rất tiếc về việc tour bị hủy. Bộ phận kế toán đang kiểm tra giao dịch của anh ' +
    'và sẽ phản hồi trong vòng hai ngày làm việc.',
  'Chúng tôi đã lập lệnh hoàn tiền ngày 20/12. Tùy ngân hàng phát hành thẻ, tiền sẽ về tài khoản trong ' +
    '5–10 ngày làm việc. Mã giao dịch hoàn: RF-88213.',
  'Về khoản chênh lệch 1.240.000 đồng: đây là phí hủy được trừ nhầm theo điều khoản khách tự hủy. Chúng ' +
    'tôi đã đề nghị hoàn bổ sung toàn bộ khoản này và xin lỗi anh vì sự bất tiện.',
  'Khoản hoàn bổ sung đã được chuyển ngày 03/01. Nếu anh cần thêm hỗ trợ, xin vui lòng trả lời email này.',
];
const NOTE_WORDS = [
  'Đã gọi cho kế toán (chị Lan): lệnh hoàn chưa được duyệt vì thiếu chữ ký trưởng phòng.',
  'Khách hàng gọi điện lúc 15:20, rất bức xúc. Đã hứa gọi lại trước 17:00 hôm nay.',
  'Phí hủy bị trừ do hệ thống tự áp điều khoản khách tự hủy; đã báo nhóm sản phẩm sửa lỗi.',
  'Kiểm tra sao kê: hai khoản hoàn đã về đủ. Có thể đóng yêu cầu khi khách xác nhận.',
];
const QUOTE = '\n\nVào ngày 20/12, Offtrack Care đã viết:\n> Chúng tôi đã lập lệnh hoàn tiền ngày 20/12.';

/**
 * The 20 messages of the benchmark's ticket, oldest first: `kind` is the first message of the ticket
 * ('opening'), a customer's message ('customer'), a reply ('reply') or an internal note ('note'). Every third
 * one also has an HTML body; some of the customer's quote the reply before.
 */
export function benchThread() {
  const kinds = ['opening'];
  const pattern = ['note', 'reply', 'customer', 'note', 'reply', 'customer'];
  for (let i = 0; kinds.length < 20; i++) kinds.push(pattern[i % pattern.length]);
  const taken = { customer: 0, reply: 0, note: 0 };
  return kinds.map((kind, index) => {
    const words = kind === 'reply' ? AGENT_WORDS : kind === 'note' ? NOTE_WORDS : CUSTOMER_WORDS;
    const group = kind === 'opening' ? 'customer' : kind;
    const n = taken[group]++;
    const body =
      `${words[n % words.length]} (tin ${index + 1}/20)` + (kind === 'customer' && n % 2 === 1 ? QUOTE : '');
    const html = index % 3 === 2;
    return {
      kind,
      body,
      ...(html && {
        bodyHtml:
          `<div dir="ltr"><p>${escapeHtml(body).replaceAll('\n', '<br>')}</p>` +
          '<p style="color:#555">Trân trọng,<br><b>Offtrack</b> — <a href="https://offtrack.example/ho-tro">' +
          'hỗ trợ</a></p><img src="https://tracker.example/pixel.gif" width="1" height="1"></div>',
      }),
    };
  });
}
