import type { DisclosureClass } from '../../common/auth/schema-disclosure';

/**
 * Every API field whose class is not PUBLIC, written out (docs/security.md, "Disclosure classes"):
 * the specification the SDL's `@disclosure` directives are checked against, so that a directive
 * removed or weakened fails a test instead of unmasking a field.
 */
export const EXPECTED_CLASSES: Readonly<Record<string, Exclude<DisclosureClass, 'PUBLIC'>>> = {
  'Household.noKK': 'KEY',
  'Person.nik': 'KEY',
  'AuditTrail.nik': 'KEY',

  'DtksFamily.noKK': 'IDENTIFIER',
  'DtksFamily.address': 'ADDRESS',
  'DtksFamily.rt': 'ADDRESS',
  'DtksFamily.rw': 'ADDRESS',
  'DtksMember.nik': 'IDENTIFIER',
  'DtksMember.noKK': 'IDENTIFIER',
  'DtksMember.name': 'NAME',
  'DtksMember.birthDate': 'BIRTH_DATE',
  'DtksReceipt.pkhComponents': 'SENSITIVE',

  'RegsosekFamily.noKK': 'IDENTIFIER',
  'RegsosekFamily.address': 'ADDRESS',
  'RegsosekFamily.rt': 'ADDRESS',
  'RegsosekFamily.rw': 'ADDRESS',
  'RegsosekMember.nik': 'IDENTIFIER',
  'RegsosekMember.noKK': 'IDENTIFIER',
  'RegsosekMember.name': 'NAME',
  'RegsosekMember.birthDate': 'BIRTH_DATE',
  'RegsosekMember.difficulty': 'SENSITIVE',
  'RegsosekMember.chronicDisease': 'SENSITIVE',
  'RegsosekMember.healthInsurance': 'SENSITIVE',
  'RegsosekMember.pregnant': 'SENSITIVE',

  'P3keFamily.noKK': 'IDENTIFIER',
  'P3keFamily.address': 'ADDRESS',
  'P3keFamily.rt': 'ADDRESS',
  'P3keFamily.rw': 'ADDRESS',
  'P3keMember.nik': 'IDENTIFIER',
  'P3keMember.noKK': 'IDENTIFIER',
  'P3keMember.name': 'NAME',
  'P3keMember.birthDate': 'BIRTH_DATE',

  'KemendesReceipt.noKK': 'IDENTIFIER',
  'KemendesReceipt.address': 'ADDRESS',
  'KemendesReceipt.rt': 'ADDRESS',
  'KemendesReceipt.rw': 'ADDRESS',
  'KemendesRecipient.nik': 'IDENTIFIER',
  'KemendesRecipient.noKK': 'IDENTIFIER',
  'KemendesRecipient.name': 'NAME',
  'KemendesRecipient.birthDate': 'BIRTH_DATE',
  'BpjsFamily.noKK': 'IDENTIFIER',
  'BpjsFamily.address': 'ADDRESS',
  'BpjsFamily.rt': 'ADDRESS',
  'BpjsFamily.rw': 'ADDRESS',
  'BpjsEnrolment.nik': 'IDENTIFIER',
  'BpjsEnrolment.noKK': 'IDENTIFIER',
  'BpjsEnrolment.name': 'NAME',
  'BpjsEnrolment.birthDate': 'BIRTH_DATE',
  'BpjsEnrolment.class': 'SENSITIVE',
  'BpjsEnrolment.segment': 'SENSITIVE',

  'Person.name': 'NAME',
  'Person.birthDate': 'BIRTH_DATE',
  'NikCheck.birthDate': 'NIK_READING',
  'NikCheck.sex': 'NIK_READING',
  'NikCheck.districtCode': 'NIK_READING',
  'DataQualityIssue.nik': 'IDENTIFIER',
  'DataQualityIssue.detail': 'DERIVED',
  'ProgramEligibility.reasons': 'DERIVED',
  'ProgramEligibility.beneficiaries': 'DERIVED',

  'AuditEntry.noKK': 'IDENTIFIER',

  'ChangeRequest.noKK': 'KEY',
  'ProposedMember.nik': 'IDENTIFIER',
  'ProposedMember.name': 'NAME',
  'ProposedMember.birthDate': 'BIRTH_DATE',
  'NewFamilyPayload.address': 'ADDRESS',
  'MemberEventPayload.date': 'BIRTH_DATE',
  // Free text may name people: withheld (`***`) as an address is.
  'ProgramProposalPayload.motivation': 'ADDRESS',
  'ObjectionPayload.note': 'ADDRESS',
  'FieldChange.value': 'ADDRESS',
  'ChangeTransition.reason': 'ADDRESS',
};
