import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Clock } from './clock.js';
import { JobLease } from './leases/job-lease.entity.js';
import { JobLeasesService } from './leases/job-leases.service.js';
import { LeasedIntervals } from './leases/leased-intervals.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([JobLease])],
  providers: [Clock, JobLeasesService, LeasedIntervals],
  exports: [Clock, JobLeasesService, LeasedIntervals],
})
export class CommonModule {}
