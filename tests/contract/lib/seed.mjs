// The account the contract test starts from: a default caller, one user with a known MFA seed and access key.

export const ACCOUNT_ID = '210987654321';
export const MFA_USER_SEED = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
export const MFA_USER_KEY = 'AKIACONTRACTMFAUSER1';

const requireMfa = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyAllExceptListedIfNoMFA',
      Effect: 'Deny',
      NotAction: [
        'iam:CreateVirtualMFADevice',
        'iam:EnableMFADevice',
        'iam:GetUser',
        'iam:ListMFADevices',
        'iam:ListVirtualMFADevices',
        'iam:ResyncMFADevice',
        'sts:GetSessionToken',
      ],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ],
};

export const contractSeed = {
  accountId: ACCOUNT_ID,
  root: { mfa: 'virtual' },
  policies: [{ name: 'RequireMfa', path: '/security/', document: requireMfa }],
  groups: [{ name: 'Seeded', attachedPolicies: ['RequireMfa'] }],
  users: [
    { name: 'admin', attachedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'], loginProfile: true },
    {
      name: 'mfa-user',
      path: '/people/',
      loginProfile: true,
      tags: { team: 'contract' },
      groups: ['Seeded'],
      attachedPolicies: ['ReadOnlyAccess'],
      inlinePolicies: {
        SelfService: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:ChangePassword', Resource: '*' }],
        },
      },
      accessKeys: [{ id: MFA_USER_KEY, secret: 'contract-secret' }],
      mfaDevices: [{ type: 'virtual', name: 'mfa-user-phone', seed: MFA_USER_SEED }],
    },
  ],
};

/** A larger account for the throttling run: `count` plain users. */
export function manyUsersSeed(count) {
  return {
    accountId: ACCOUNT_ID,
    users: Array.from({ length: count }, (_, i) => ({ name: `bulk-${String(i + 1).padStart(3, '0')}` })),
  };
}
