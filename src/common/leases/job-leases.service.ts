import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../clock.js';
import { isUniqueViolation } from '../errors/database-errors.js';
import { JobLease } from './job-lease.entity.js';

/**
 * Lets exactly one app instance run a job at a time. A lease is one row per job name, taken with a
 * conditional UPDATE (free or expired) whose affected-row count says who won; it expires by itself if the
 * holder dies, so no instance waits forever.
 */
@Injectable()
export class JobLeasesService {
  private readonly logger = new Logger(JobLeasesService.name);
  /** This process, as lease holder: unique even for two instances on one host. */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` if the lease can be taken, renewing it while the work lasts; returns undefined without
   * running it otherwise. A holder that dies stops renewing, so its lease is free again within `ttlMs`.
   */
  async runExclusive<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T | undefined> {
    const token = await this.take(name, ttlMs);
    if (!token) return undefined;
    const renewal = setInterval(
      () => void this.renew(name, token, ttlMs),
      Math.max(100, Math.floor(ttlMs / 3)),
    );
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.release(name, token);
    }
  }

  private async renew(name: string, token: string, ttlMs: number): Promise<void> {
    try {
      const result = await this.dataSource
        .getRepository(JobLease)
        .update({ name, token }, { expiresAt: new Date(this.clock.now().getTime() + ttlMs) });
      if (result.affected !== 1) this.logger.warn({ name }, 'lease lost while working');
    } catch (error) {
      this.logger.warn({ name, error: (error as Error).message }, 'lease renewal failed');
    }
  }

  async take(name: string, ttlMs: number): Promise<string | null> {
    const repository = this.dataSource.getRepository(JobLease);
    const now = this.clock.now();
    await repository
      .insert({ name, holder: null, token: null, expiresAt: new Date(0) })
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
      });
    // A fresh token every time: MySQL counts only rows it changed, and the token proves who holds it.
    const token = randomUUID();
    const result = await repository.update(
      { name, expiresAt: LessThan(now) },
      { holder: this.holder, token, expiresAt: new Date(now.getTime() + ttlMs) },
    );
    if (result.affected !== 1) return null;
    this.logger.debug({ name }, 'lease taken');
    return token;
  }

  async release(name: string, token: string): Promise<void> {
    await this.dataSource
      .getRepository(JobLease)
      .update({ name, token }, { expiresAt: new Date(0), holder: null });
  }
}
