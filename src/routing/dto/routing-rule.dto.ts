import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { CHANNELS, type Channel, LANGUAGES, type Language } from '../../tickets/ticket.entity.js';
import type { RoutingRule } from '../routing-rule.entity.js';
import {
  ACTION_TYPES,
  CONDITION_FIELDS,
  MATCH_MODES,
  type MatchMode,
  REGIONS,
  type RuleAction,
  type RuleCondition,
} from '../routing-rules.rules.js';

export class RuleConditionDto {
  @ApiProperty({ enum: CONDITION_FIELDS, example: 'text' }) field: string;
  @ApiProperty({
    example: 'contains',
    description: 'Which operators a field takes: see the docs of the rules API',
  })
  operator: string;
  @ApiPropertyOptional({ example: 'hoàn tiền', description: 'Text, list of texts or boolean, by operator' })
  value?: unknown;
}

export class RuleActionDto {
  @ApiProperty({ enum: ACTION_TYPES, example: 'set_queue' }) type: string;
  @ApiPropertyOptional({ description: 'Queue or agent id, priority, category key or tags, by type' })
  value?: unknown;
}

export class CreateRoutingRuleDto {
  @ApiProperty({ example: 'Refunds to Payments' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional({ enum: MATCH_MODES, default: 'all' })
  @IsOptional()
  @IsIn(MATCH_MODES)
  matchMode?: MatchMode;
  @ApiProperty({ type: [RuleConditionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  conditions: RuleCondition[];
  @ApiProperty({ type: [RuleActionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  actions: RuleAction[];
  @ApiPropertyOptional({ description: 'Rules run in ascending position; new rules go last by default' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

export class UpdateRoutingRuleDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional({ enum: MATCH_MODES }) @IsOptional() @IsIn(MATCH_MODES) matchMode?: MatchMode;
  @ApiPropertyOptional({ type: [RuleConditionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  conditions?: RuleCondition[];
  @ApiPropertyOptional({ type: [RuleActionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  actions?: RuleAction[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(1_000_000) position?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

/** A sample message to run the rules over without creating anything. */
export class RoutingDryRunDto {
  @ApiPropertyOptional({ example: 'khach.hang@example.com' }) @IsOptional() @IsEmail() senderAddress?: string;
  @ApiProperty({ example: 'Bị trừ tiền hai lần' }) @IsString() @MaxLength(255) subject: string;
  @ApiProperty({ example: 'Tôi bị trừ tiền hai lần cho booking OTV-2026-001234' })
  @IsString()
  @MaxLength(100_000)
  body: string;
  @ApiPropertyOptional({ enum: CHANNELS, default: 'email' }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ enum: LANGUAGES, description: 'Guessed from the text when left out' })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
  @ApiPropertyOptional({ example: 'US', description: 'The customer country (ISO 3166-1 alpha-2)' })
  @IsOptional()
  @IsString()
  @MaxLength(2)
  customerCountry?: string;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() customerVulnerable?: boolean;
}

export class RoutingRuleView {
  @ApiProperty() id: string;
  @ApiProperty() position: number;
  @ApiProperty() name: string;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ enum: MATCH_MODES }) matchMode: string;
  @ApiProperty({ type: [RuleConditionDto] }) conditions: RuleCondition[];
  @ApiProperty({ type: [RuleActionDto] }) actions: RuleAction[];
  @ApiProperty() version: number;
  @ApiProperty() updatedAt: string;
}

export function toRoutingRuleView(rule: RoutingRule): RoutingRuleView {
  return {
    id: rule.id,
    position: rule.position,
    name: rule.name,
    isActive: rule.isActive,
    matchMode: rule.matchMode,
    conditions: JSON.parse(rule.conditions) as RuleCondition[],
    actions: JSON.parse(rule.actions) as RuleAction[],
    version: rule.version,
    updatedAt: rule.updatedAt.toISOString(),
  };
}

export class FiredRuleView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class RoutingDecisionView {
  @ApiProperty({ example: 'payment' }) categoryKey: string;
  @ApiProperty({ type: [String], description: 'The words that made the classifier choose it' })
  matchedWords: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) bookingReference: string | null;
  @ApiProperty({ enum: LANGUAGES }) language: string;
  @ApiProperty({ enum: REGIONS }) customerRegion: string;
  @ApiProperty({ type: [FiredRuleView] }) firedRules: FiredRuleView[];
  @ApiProperty({ description: 'The queue the ticket would land in' }) queueId: string;
  @ApiProperty() queueName: string;
  @ApiProperty() priority: string;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiPropertyOptional({ nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty() notifySupervisors: boolean;
}
