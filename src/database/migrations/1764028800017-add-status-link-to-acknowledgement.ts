import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each acknowledgement gains the customer's status link, before the "keep the number" line. */
const ANCHORS: Record<string, { before: string; line: string }> = {
  vi: {
    before: 'Khi trả lời, xin giữ nguyên mã {{ticketNumber}} trong tiêu đề thư.',
    line: 'Quý khách theo dõi và trả lời yêu cầu tại: {{statusUrl}}\n',
  },
  en: {
    before: 'When you reply, please keep {{ticketNumber}} in the subject line.',
    line: 'Follow and answer your request here: {{statusUrl}}\n',
  },
};

/** Acknowledgements carry a signed status link (issue #7); templates an admin rewrote are left alone. */
export class AddStatusLinkToAcknowledgement1764028800017 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await this.rewrite(queryRunner, (body, anchor) =>
      body.includes(anchor.before) && !body.includes('{{statusUrl}}')
        ? body.replace(anchor.before, anchor.line + anchor.before)
        : body,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.rewrite(queryRunner, (body, anchor) => body.replace(anchor.line, ''));
  }

  private async rewrite(
    queryRunner: QueryRunner,
    change: (body: string, anchor: { before: string; line: string }) => string,
  ): Promise<void> {
    const key = queryRunner.connection.driver.escape('key');
    const rows = (await queryRunner.query(
      `SELECT id, language, body_text FROM mail_templates WHERE ${key} = ?`,
      ['acknowledgement'],
    )) as { id: string; language: string; body_text: string }[];
    for (const row of rows) {
      const anchor = ANCHORS[row.language];
      if (!anchor) continue;
      const body = change(row.body_text, anchor);
      if (body !== row.body_text) {
        await queryRunner.query('UPDATE mail_templates SET body_text = ? WHERE id = ?', [body, row.id]);
      }
    }
  }
}
