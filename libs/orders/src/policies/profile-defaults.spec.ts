import { DeviceCategory } from '@app/common';
import { Grade } from '@app/refurbishing';
import { BeneficiaryProfile } from '../entities/beneficiary-profile';
import { PROFILE_DEFAULTS, profileFloor, resolveLineRequirements } from './profile-defaults';

describe('profile defaults', () => {
  it('a design student gets a 16 GB SSD laptop by default (DESIGN.md)', () => {
    const { requirements, problems } = resolveLineRequirements(BeneficiaryProfile.DESIGN_STUDENT, DeviceCategory.LAPTOP, {});
    expect(problems).toEqual([]);
    expect(requirements).toEqual({
      minRamGb: 16,
      minStorageGb: 256,
      requireSsd: true,
      minGrade: null,
      needsWebcam: false,
      needsMicrophone: false,
      needsOs: false,
      minBatteryHealthPercent: null,
    });
  });

  it('has a default for every profile', () => {
    for (const profile of Object.values(BeneficiaryProfile)) expect(PROFILE_DEFAULTS[profile]).toBeDefined();
  });

  it('lets a line raise any minimum', () => {
    const { requirements, problems } = resolveLineRequirements(BeneficiaryProfile.SENIOR, DeviceCategory.LAPTOP, {
      minRamGb: 8,
      minStorageGb: 256,
      requireSsd: true,
      minGrade: Grade.A,
    });
    expect(problems).toEqual([]);
    expect(requirements).toEqual({
      minRamGb: 8,
      minStorageGb: 256,
      requireSsd: true,
      minGrade: Grade.A,
      needsWebcam: true,
      needsMicrophone: true,
      needsOs: true,
      minBatteryHealthPercent: null,
    });
  });

  it('refuses a line that would lower a minimum, naming each one', () => {
    const { problems } = resolveLineRequirements(BeneficiaryProfile.DESIGN_STUDENT, DeviceCategory.LAPTOP, { minRamGb: 8, requireSsd: false });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/minRamGb 8 is below the DESIGN_STUDENT minimum of 16/);
    expect(problems[1]).toMatch(/requires an SSD/);
    expect(resolveLineRequirements(BeneficiaryProfile.JOB_SEEKER, DeviceCategory.LAPTOP, { minGrade: Grade.C }).problems[0]).toMatch(/grade B/);
  });

  it('restating a default is no problem', () => {
    expect(resolveLineRequirements(BeneficiaryProfile.DESIGN_STUDENT, DeviceCategory.LAPTOP, { minRamGb: 16, requireSsd: true }).problems).toEqual([]);
    expect(resolveLineRequirements(BeneficiaryProfile.JOB_SEEKER, DeviceCategory.LAPTOP, { minGrade: Grade.B }).requirements.minGrade).toBe(Grade.B);
  });

  it('refuses a computer the profile cannot use (a design student needs a laptop)', () => {
    expect(resolveLineRequirements(BeneficiaryProfile.DESIGN_STUDENT, DeviceCategory.DESKTOP, {}).problems[0]).toMatch(/takes LAPTOP, not DESKTOP/);
    expect(resolveLineRequirements(BeneficiaryProfile.SENIOR, DeviceCategory.DESKTOP, {}).problems).toEqual([]);
  });

  it('puts hardware floors on computers only: a monitor or tablet line keeps only the grade floor', () => {
    expect(profileFloor(BeneficiaryProfile.DESIGN_STUDENT, DeviceCategory.MONITOR)).toEqual({
      minRamGb: null,
      minStorageGb: null,
      requireSsd: false,
      minGrade: null,
      needsWebcam: false,
      needsMicrophone: false,
      needsOs: false,
      minBatteryHealthPercent: null,
    });
    expect(profileFloor(BeneficiaryProfile.JOB_SEEKER, DeviceCategory.TABLET).minGrade).toBe(Grade.B);
    expect(resolveLineRequirements(BeneficiaryProfile.PUPIL, DeviceCategory.TABLET, { minStorageGb: 32 }).requirements).toEqual({
      minRamGb: null,
      minStorageGb: 32,
      requireSsd: false,
      minGrade: null,
      needsWebcam: false,
      needsMicrophone: false,
      needsOs: false,
      minBatteryHealthPercent: null,
    });
  });

  it('seniors and families need a webcam, a microphone and an OS on a computer; a job seeker a 70 % battery on a laptop only', () => {
    for (const profile of [BeneficiaryProfile.SENIOR, BeneficiaryProfile.FAMILY]) {
      for (const category of [DeviceCategory.LAPTOP, DeviceCategory.DESKTOP]) {
        expect(profileFloor(profile, category)).toMatchObject({ needsWebcam: true, needsMicrophone: true, needsOs: true, minBatteryHealthPercent: null });
      }
      expect(profileFloor(profile, DeviceCategory.TABLET)).toMatchObject({ needsWebcam: false, needsMicrophone: false, needsOs: false });
    }
    expect(profileFloor(BeneficiaryProfile.JOB_SEEKER, DeviceCategory.LAPTOP).minBatteryHealthPercent).toBe(70);
    expect(profileFloor(BeneficiaryProfile.JOB_SEEKER, DeviceCategory.DESKTOP).minBatteryHealthPercent).toBeNull();
    expect(profileFloor(BeneficiaryProfile.DESIGN_STUDENT, DeviceCategory.LAPTOP)).toMatchObject({ needsWebcam: false, minBatteryHealthPercent: null });
    expect([...Object.values(BeneficiaryProfile)].filter((p) => PROFILE_DEFAULTS[p].prefersQuality).sort()).toEqual(['FAMILY', 'JOB_SEEKER', 'SENIOR']);
  });

  it('a line may raise a need or the battery, never lower them', () => {
    const raised = resolveLineRequirements(BeneficiaryProfile.OTHER, DeviceCategory.LAPTOP, { needsWebcam: true, minBatteryHealthPercent: 80 });
    expect(raised.problems).toEqual([]);
    expect(raised.requirements).toMatchObject({ needsWebcam: true, needsMicrophone: false, minBatteryHealthPercent: 80 });
    const lowered = resolveLineRequirements(BeneficiaryProfile.JOB_SEEKER, DeviceCategory.LAPTOP, { minBatteryHealthPercent: 50 });
    expect(lowered.problems[0]).toMatch(/minBatteryHealthPercent 50 is below the JOB_SEEKER minimum of 70 %/);
    expect(resolveLineRequirements(BeneficiaryProfile.SENIOR, DeviceCategory.LAPTOP, { needsOs: false }).problems[0]).toMatch(/needsOs false would lower it/);
  });

  it("a region's grade floor replaces the profile's default one", () => {
    expect(profileFloor(BeneficiaryProfile.SENIOR, DeviceCategory.LAPTOP, Grade.B).minGrade).toBe(Grade.B);
    expect(profileFloor(BeneficiaryProfile.JOB_SEEKER, DeviceCategory.LAPTOP, null).minGrade).toBeNull();
    expect(resolveLineRequirements(BeneficiaryProfile.SENIOR, DeviceCategory.LAPTOP, { minGrade: Grade.C }, Grade.B).problems[0]).toMatch(/grade B/);
  });
});
