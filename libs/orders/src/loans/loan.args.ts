import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ConnectionType, PageArgs } from '@app/common';
import { IsBoolean, IsDate, IsOptional, IsUUID } from 'class-validator';
import { Loan } from './loan.entity';

export const LoanConnection = ConnectionType(Loan, 'Loan');

@ArgsType()
export class LoanIdArgs {
  @Field(() => ID)
  @IsUUID()
  loanId!: string;
}

@ArgsType()
export class ExtendLoanArgs extends LoanIdArgs {
  @Field(() => Date, { description: 'the new due date: later than the current one, at most three years from now' })
  @IsDate()
  dueDate!: Date;
}

@ArgsType()
export class ReturnLoanArgs extends LoanIdArgs {
  @Field(() => ID, { nullable: true, description: 'the refurbisher receiving it; by default the one that shipped it' })
  @IsOptional()
  @IsUUID()
  refurbisherId?: string | null;
}

@ArgsType()
export class LoansArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'only the loans still with the person after their due date' })
  @IsOptional()
  @IsBoolean()
  overdueOnly?: boolean | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  loanId?: string | null;
}
