// Proves that the local IAM endpoint (tests/IamEndpoint) speaks AWS: the official AWS SDK for JavaScript v3
// clients drive it through one scenario, one test per step, in order.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import * as iam from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';

import { startEndpoint } from './lib/endpoint.mjs';
import { ACCOUNT_ID, contractSeed, manyUsersSeed, MFA_USER_KEY, MFA_USER_SEED } from './lib/seed.mjs';
import { totp } from './lib/totp.mjs';

process.env.AWS_EC2_METADATA_DISABLED = 'true';

const DEFAULT_CREDENTIALS = { accessKeyId: 'AKIACONTRACTDEFAULT1', secretAccessKey: 'contract-dummy-secret' };
const CREDENTIAL_REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed',
  'password_next_rotation', 'mfa_active', 'access_key_1_active', 'access_key_1_last_rotated',
  'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date',
  'access_key_2_last_used_region', 'access_key_2_last_used_service', 'cert_1_active', 'cert_1_last_rotated',
  'cert_2_active', 'cert_2_last_rotated',
];
const CREATED_USERS = Array.from({ length: 7 }, (_, i) => `contract-user-${i + 1}`);
const GROUP = 'contract-devs';

let endpoint;
let client;

function clientsFor(url, credentials = DEFAULT_CREDENTIALS, maxAttempts = 3) {
  const config = { endpoint: url, region: 'us-east-1', credentials, maxAttempts };
  return { iam: new iam.IAMClient(config), sts: new STSClient(config) };
}

const send = (command) => client.iam.send(command);

/** Follows Marker until IsTruncated is false; returns every page. */
async function allPages(makeCommand, iamClient = client.iam) {
  const pages = [];
  let marker;
  do {
    const page = await iamClient.send(makeCommand(marker));
    pages.push(page);
    marker = page.IsTruncated ? page.Marker : undefined;
    assert.equal(Boolean(page.Marker), Boolean(page.IsTruncated), 'Marker is present exactly when IsTruncated');
  } while (marker);
  return pages;
}

/** Runs `action`, expects it to fail with the SDK exception `name` and HTTP `status`. */
async function expectError(action, name, status) {
  await assert.rejects(action, (error) => {
    assert.equal(error.name, name);
    assert.equal(error.$metadata?.httpStatusCode, status);
    return true;
  });
}

const decodeDocument = (encoded) => JSON.parse(decodeURIComponent(encoded));

before(async () => {
  endpoint = await startEndpoint(contractSeed);
  client = clientsFor(endpoint.url);
});

after(async () => {
  const { code, signal } = await endpoint.stop();
  assert.ok(code === 0 || signal === 'SIGTERM', `endpoint stopped cleanly (code ${code}, signal ${signal})`);
});

test('users: created users come back once each through ListUsers pages of 2', async () => {
  for (const name of CREATED_USERS) {
    const { User } = await send(new iam.CreateUserCommand({
      UserName: name, Path: '/contract/', Tags: [{ Key: 'suite', Value: 'contract' }],
    }));
    assert.equal(User.Arn, `arn:aws:iam::${ACCOUNT_ID}:user/contract/${name}`);
    assert.ok(User.CreateDate instanceof Date);
  }

  const pages = await allPages((Marker) => new iam.ListUsersCommand({ PathPrefix: '/contract/', MaxItems: 2, Marker }));
  const names = pages.flatMap((page) => page.Users.map((user) => user.UserName));
  assert.equal(pages.length, 4);
  assert.deepEqual(names, CREATED_USERS);

  const { User } = await send(new iam.GetUserCommand({ UserName: 'CONTRACT-USER-1' }));
  assert.equal(User.UserName, 'contract-user-1', 'user names are found regardless of case');
  assert.deepEqual(User.Tags, [{ Key: 'suite', Value: 'contract' }]);
});

test('groups: membership shows in GetGroup pages and ListGroupsForUser', async () => {
  const { Group } = await send(new iam.CreateGroupCommand({ GroupName: GROUP, Path: '/contract/' }));
  assert.equal(Group.Arn, `arn:aws:iam::${ACCOUNT_ID}:group/contract/${GROUP}`);
  for (const name of CREATED_USERS.slice(0, 3)) {
    await send(new iam.AddUserToGroupCommand({ GroupName: GROUP, UserName: name }));
  }
  await send(new iam.AddUserToGroupCommand({ GroupName: GROUP, UserName: CREATED_USERS[0] }));

  const pages = await allPages((Marker) => new iam.GetGroupCommand({ GroupName: GROUP, MaxItems: 2, Marker }));
  assert.equal(pages[0].Group.GroupName, GROUP);
  assert.deepEqual(pages.flatMap((page) => page.Users.map((user) => user.UserName)), CREATED_USERS.slice(0, 3));

  const { Groups } = await send(new iam.ListGroupsForUserCommand({ UserName: CREATED_USERS[0] }));
  assert.deepEqual(Groups.map((group) => group.GroupName), [GROUP]);

  await send(new iam.RemoveUserFromGroupCommand({ GroupName: GROUP, UserName: CREATED_USERS[2] }));
  const after = await send(new iam.GetGroupCommand({ GroupName: GROUP }));
  assert.deepEqual(after.Users.map((user) => user.UserName), CREATED_USERS.slice(0, 2));

  const listed = await send(new iam.ListGroupsCommand({ PathPrefix: '/contract/' }));
  assert.deepEqual(listed.Groups.map((group) => group.GroupName), [GROUP]);
});

test('GetAccountAuthorizationDetails: pages of 3 hold every user, group and policy once', async () => {
  const pages = await allPages((Marker) => new iam.GetAccountAuthorizationDetailsCommand({ MaxItems: 3, Marker }));
  assert.ok(pages.length > 3);
  for (const page of pages) {
    const count = page.UserDetailList.length + page.GroupDetailList.length + page.Policies.length;
    assert.ok(count <= 3, 'a page never exceeds MaxItems');
  }

  const users = pages.flatMap((page) => page.UserDetailList);
  const groups = pages.flatMap((page) => page.GroupDetailList);
  const policies = pages.flatMap((page) => page.Policies);
  assert.deepEqual(users.map((user) => user.UserName).sort(), ['admin', ...CREATED_USERS, 'mfa-user'].sort());
  assert.deepEqual(groups.map((group) => group.GroupName).sort(), ['Seeded', GROUP]);

  const mfaUser = users.find((user) => user.UserName === 'mfa-user');
  assert.deepEqual(mfaUser.GroupList, ['Seeded']);
  assert.deepEqual(mfaUser.AttachedManagedPolicies.map((p) => p.PolicyName), ['ReadOnlyAccess']);
  assert.deepEqual(mfaUser.UserPolicyList.map((p) => p.PolicyName), ['SelfService']);
  assert.equal(decodeDocument(mfaUser.UserPolicyList[0].PolicyDocument).Statement[0].Action, 'iam:ChangePassword');
  assert.deepEqual(mfaUser.Tags, [{ Key: 'team', Value: 'contract' }]);

  const seeded = groups.find((group) => group.GroupName === 'Seeded');
  assert.deepEqual(seeded.AttachedManagedPolicies.map((p) => p.PolicyName), ['RequireMfa']);

  const requireMfa = policies.find((policy) => policy.PolicyName === 'RequireMfa');
  assert.equal(requireMfa.Arn, `arn:aws:iam::${ACCOUNT_ID}:policy/security/RequireMfa`);
  assert.equal(requireMfa.AttachmentCount, 1);
  const document = decodeDocument(requireMfa.PolicyVersionList[0].Document);
  assert.equal(document.Statement[0].Condition.BoolIfExists['aws:MultiFactorAuthPresent'], 'false');
  const awsManaged = policies.filter((policy) => policy.Arn.startsWith('arn:aws:iam::aws:policy/'));
  assert.deepEqual(awsManaged.map((p) => p.PolicyName).sort(), ['AdministratorAccess', 'ReadOnlyAccess']);
});

test('credential report: generate, then get and parse the CSV', async () => {
  await expectError(() => send(new iam.GetCredentialReportCommand({})), 'CredentialReportNotPresentException', 410);

  const first = await send(new iam.GenerateCredentialReportCommand({}));
  assert.equal(first.State, 'STARTED');
  const second = await send(new iam.GenerateCredentialReportCommand({}));
  assert.equal(second.State, 'COMPLETE');

  const report = await send(new iam.GetCredentialReportCommand({}));
  assert.equal(report.ReportFormat, 'text/csv');
  assert.ok(report.GeneratedTime instanceof Date);
  const [header, ...rows] = Buffer.from(report.Content).toString('utf8').split('\n').map((line) => line.split(','));
  assert.deepEqual(header, CREDENTIAL_REPORT_COLUMNS);
  const byUser = Object.fromEntries(rows.map((row) => [row[0], Object.fromEntries(header.map((c, i) => [c, row[i]]))]));

  assert.equal(rows[0][0], '<root_account>');
  assert.equal(byUser['<root_account>'].arn, `arn:aws:iam::${ACCOUNT_ID}:root`);
  assert.equal(byUser['<root_account>'].password_enabled, 'not_supported');
  assert.equal(byUser['<root_account>'].mfa_active, 'true');
  assert.equal(byUser['mfa-user'].password_enabled, 'true');
  assert.equal(byUser['mfa-user'].password_last_used, 'no_information');
  assert.equal(byUser['mfa-user'].mfa_active, 'true');
  assert.equal(byUser['mfa-user'].access_key_1_active, 'true');
  assert.equal(byUser['mfa-user'].access_key_1_last_used_date, 'N/A');
  assert.equal(byUser['contract-user-1'].password_enabled, 'false');
  assert.equal(byUser['contract-user-1'].password_last_used, 'N/A');
  assert.equal(byUser['contract-user-1'].mfa_active, 'false');
  assert.equal(rows.length, 1 + 2 + CREATED_USERS.length);
});

test('virtual MFA: create, enable with two TOTP codes, list, deactivate, delete', async () => {
  const user = CREATED_USERS[0];
  const { VirtualMFADevice: device } = await send(new iam.CreateVirtualMFADeviceCommand({
    VirtualMFADeviceName: 'contract-phone',
  }));
  assert.equal(device.SerialNumber, `arn:aws:iam::${ACCOUNT_ID}:mfa/contract-phone`);
  const seed = Buffer.from(device.Base32StringSeed).toString('ascii');
  assert.match(seed, /^[A-Z2-7]{32,}$/);
  assert.deepEqual([...device.QRCodePNG.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  await expectError(() => send(new iam.EnableMFADeviceCommand({
    UserName: user, SerialNumber: device.SerialNumber, AuthenticationCode1: '000000', AuthenticationCode2: '000001',
  })), 'InvalidAuthenticationCodeException', 403);

  const now = Date.now();
  await send(new iam.EnableMFADeviceCommand({
    UserName: user,
    SerialNumber: device.SerialNumber,
    AuthenticationCode1: totp(seed, now - 30_000),
    AuthenticationCode2: totp(seed, now),
  }));

  const assigned = await send(new iam.ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }));
  const listed = assigned.VirtualMFADevices.find((d) => d.SerialNumber === device.SerialNumber);
  assert.equal(listed.User.UserName, user);
  assert.ok(listed.EnableDate instanceof Date);
  const rootDevice = assigned.VirtualMFADevices.find((d) => d.User?.Arn === `arn:aws:iam::${ACCOUNT_ID}:root`);
  assert.ok(rootDevice, 'the root user\'s virtual device is listed as assigned');

  const { MFADevices } = await send(new iam.ListMFADevicesCommand({ UserName: user }));
  assert.deepEqual(MFADevices.map((d) => d.SerialNumber), [device.SerialNumber]);

  await expectError(() => send(new iam.DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber })),
    'DeleteConflictException', 409);
  await send(new iam.DeactivateMFADeviceCommand({ UserName: user, SerialNumber: device.SerialNumber }));
  const unassigned = await send(new iam.ListVirtualMFADevicesCommand({ AssignmentStatus: 'Unassigned' }));
  assert.ok(unassigned.VirtualMFADevices.some((d) => d.SerialNumber === device.SerialNumber && !d.User));

  await send(new iam.DeleteVirtualMFADeviceCommand({ SerialNumber: device.SerialNumber }));
  const all = await send(new iam.ListVirtualMFADevicesCommand({}));
  assert.ok(!all.VirtualMFADevices.some((d) => d.SerialNumber === device.SerialNumber));
  assert.deepEqual((await send(new iam.ListMFADevicesCommand({ UserName: user }))).MFADevices, []);
});

test('managed policies: versions are created, listed, made default and deleted', async () => {
  const doc = (action) => JSON.stringify({
    Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }],
  });
  const { Policy } = await send(new iam.CreatePolicyCommand({
    PolicyName: 'contract-policy', Path: '/contract/', PolicyDocument: doc('s3:ListAllMyBuckets'),
    Description: 'contract test policy',
  }));
  assert.equal(Policy.DefaultVersionId, 'v1');
  assert.equal(Policy.AttachmentCount, 0);
  const arn = Policy.Arn;

  await send(new iam.CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:GetObject') }));
  const v3 = await send(new iam.CreatePolicyVersionCommand({
    PolicyArn: arn, PolicyDocument: doc('s3:PutObject'), SetAsDefault: true,
  }));
  assert.equal(v3.PolicyVersion.VersionId, 'v3');
  assert.equal(v3.PolicyVersion.IsDefaultVersion, true);

  const { Versions } = await send(new iam.ListPolicyVersionsCommand({ PolicyArn: arn }));
  assert.deepEqual(Versions.map((v) => [v.VersionId, v.IsDefaultVersion]),
    [['v3', true], ['v2', false], ['v1', false]]);

  await send(new iam.SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
  assert.equal((await send(new iam.GetPolicyCommand({ PolicyArn: arn }))).Policy.DefaultVersionId, 'v2');
  const v2 = await send(new iam.GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' }));
  assert.equal(decodeDocument(v2.PolicyVersion.Document).Statement[0].Action, 's3:GetObject');

  await send(new iam.DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
  await expectError(() => send(new iam.DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v2' })),
    'DeleteConflictException', 409);

  await send(new iam.CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:DeleteObject') }));
  await send(new iam.CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:GetBucketPolicy') }));
  await send(new iam.CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:GetBucketAcl') }));
  // The SDK counts LimitExceededException as throttling and would retry it, so this call makes one attempt.
  const once = clientsFor(endpoint.url, DEFAULT_CREDENTIALS, 1).iam;
  await expectError(
    () => once.send(new iam.CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:*') })),
    'LimitExceededException', 409);

  const local = await allPages((Marker) => new iam.ListPoliciesCommand({ Scope: 'Local', MaxItems: 1, Marker }));
  assert.deepEqual(local.flatMap((page) => page.Policies.map((p) => p.PolicyName)).sort(),
    ['RequireMfa', 'contract-policy']);
  const aws = await send(new iam.ListPoliciesCommand({ Scope: 'AWS', OnlyAttached: true }));
  assert.deepEqual(aws.Policies.map((p) => p.PolicyName).sort(), ['AdministratorAccess', 'ReadOnlyAccess']);
});

test('attachments: managed policies attach to and detach from users and groups', async () => {
  const arn = `arn:aws:iam::${ACCOUNT_ID}:policy/contract/contract-policy`;
  const user = CREATED_USERS[1];
  await send(new iam.AttachUserPolicyCommand({ UserName: user, PolicyArn: arn }));
  await send(new iam.AttachUserPolicyCommand({ UserName: user, PolicyArn: arn }));
  await send(new iam.AttachGroupPolicyCommand({ GroupName: GROUP, PolicyArn: arn }));

  const userPolicies = await send(new iam.ListAttachedUserPoliciesCommand({ UserName: user }));
  assert.deepEqual(userPolicies.AttachedPolicies, [{ PolicyName: 'contract-policy', PolicyArn: arn }]);
  const groupPolicies = await send(new iam.ListAttachedGroupPoliciesCommand({ GroupName: GROUP }));
  assert.deepEqual(groupPolicies.AttachedPolicies, [{ PolicyName: 'contract-policy', PolicyArn: arn }]);

  const entities = await send(new iam.ListEntitiesForPolicyCommand({ PolicyArn: arn }));
  assert.deepEqual(entities.PolicyUsers.map((u) => u.UserName), [user]);
  assert.deepEqual(entities.PolicyGroups.map((g) => g.GroupName), [GROUP]);
  assert.equal((await send(new iam.GetPolicyCommand({ PolicyArn: arn }))).Policy.AttachmentCount, 2);

  await send(new iam.DetachUserPolicyCommand({ UserName: user, PolicyArn: arn }));
  await expectError(() => send(new iam.DetachUserPolicyCommand({ UserName: user, PolicyArn: arn })),
    'NoSuchEntityException', 404);
  await send(new iam.DetachGroupPolicyCommand({ GroupName: GROUP, PolicyArn: arn }));
  assert.deepEqual((await send(new iam.ListAttachedGroupPoliciesCommand({ GroupName: GROUP }))).AttachedPolicies, []);
});

test('inline policies: put, get, list and delete on a user and a group', async () => {
  const user = CREATED_USERS[2];
  const document = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: 'iam:DeleteUser', Resource: '*' }],
  };
  await send(new iam.PutUserPolicyCommand({
    UserName: user, PolicyName: 'no-delete', PolicyDocument: JSON.stringify(document),
  }));
  const got = await send(new iam.GetUserPolicyCommand({ UserName: user, PolicyName: 'no-delete' }));
  assert.equal(got.UserName, user);
  assert.deepEqual(decodeDocument(got.PolicyDocument), document);
  assert.deepEqual((await send(new iam.ListUserPoliciesCommand({ UserName: user }))).PolicyNames, ['no-delete']);

  await send(new iam.PutGroupPolicyCommand({
    GroupName: GROUP, PolicyName: 'group-inline', PolicyDocument: JSON.stringify(document),
  }));
  const groupPolicy = await send(new iam.GetGroupPolicyCommand({ GroupName: GROUP, PolicyName: 'group-inline' }));
  assert.equal(groupPolicy.GroupName, GROUP);
  assert.deepEqual(decodeDocument(groupPolicy.PolicyDocument), document);
  assert.deepEqual((await send(new iam.ListGroupPoliciesCommand({ GroupName: GROUP }))).PolicyNames, ['group-inline']);

  await send(new iam.DeleteUserPolicyCommand({ UserName: user, PolicyName: 'no-delete' }));
  assert.deepEqual((await send(new iam.ListUserPoliciesCommand({ UserName: user }))).PolicyNames, []);
});

test('GetAccountSummary: counts and the root MFA flag', async () => {
  const { SummaryMap } = await send(new iam.GetAccountSummaryCommand({}));
  assert.equal(SummaryMap.Users, 2 + CREATED_USERS.length);
  assert.equal(SummaryMap.Groups, 2);
  assert.equal(SummaryMap.Policies, 2);
  assert.equal(SummaryMap.AccountMFAEnabled, 1);
  assert.equal(SummaryMap.UsersQuota, 5000);
  assert.equal(SummaryMap.PolicySizeQuota, 6144);
});

test('STS: caller identity and an MFA session from GetSessionToken', async () => {
  const identity = await client.sts.send(new GetCallerIdentityCommand({}));
  assert.equal(identity.Arn, `arn:aws:iam::${ACCOUNT_ID}:user/admin`);
  assert.equal(identity.Account, ACCOUNT_ID);

  const mfaUser = clientsFor(endpoint.url, { accessKeyId: MFA_USER_KEY, secretAccessKey: 'contract-secret' });
  const own = await mfaUser.sts.send(new GetCallerIdentityCommand({}));
  assert.equal(own.Arn, `arn:aws:iam::${ACCOUNT_ID}:user/people/mfa-user`);

  const serial = `arn:aws:iam::${ACCOUNT_ID}:mfa/mfa-user-phone`;
  await assert.rejects(
    () => mfaUser.sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: '000000' })),
    (error) => error.name === 'AccessDenied' && error.$metadata.httpStatusCode === 403);

  const { Credentials } = await mfaUser.sts.send(new GetSessionTokenCommand({
    DurationSeconds: 900, SerialNumber: serial, TokenCode: totp(MFA_USER_SEED),
  }));
  assert.match(Credentials.AccessKeyId, /^ASIA[A-Z2-7]{16}$/);
  assert.ok(Credentials.Expiration.getTime() - Date.now() <= 900_000 + 2_000);

  const session = clientsFor(endpoint.url, {
    accessKeyId: Credentials.AccessKeyId,
    secretAccessKey: Credentials.SecretAccessKey,
    sessionToken: Credentials.SessionToken,
  });
  const sessionIdentity = await session.sts.send(new GetCallerIdentityCommand({}));
  assert.equal(sessionIdentity.Arn, own.Arn);
  const { User } = await session.iam.send(new iam.GetUserCommand({}));
  assert.equal(User.UserName, 'mfa-user');

  const log = await endpoint.requests();
  assert.equal(log.at(-1).action, 'GetUser');
  assert.equal(log.at(-1).accessKeyId, Credentials.AccessKeyId);
  assert.equal(log.at(-1).status, 200);
});

test('SimulatePrincipalPolicy: the deny-unless-MFA policy decides until MFA is in the context', async () => {
  const simulate = (ContextEntries) => send(new iam.SimulatePrincipalPolicyCommand({
    PolicySourceArn: `arn:aws:iam::${ACCOUNT_ID}:user/people/mfa-user`,
    ActionNames: ['iam:ListUsers', 'iam:GetUser'],
    ContextEntries,
  }));
  const decisions = (response) => Object.fromEntries(response.EvaluationResults.map((r) => [r.EvalActionName, r]));

  const withoutMfa = decisions(await simulate([]));
  assert.equal(withoutMfa['iam:ListUsers'].EvalDecision, 'explicitDeny');
  assert.equal(withoutMfa['iam:ListUsers'].EvalResourceName, '*');
  assert.deepEqual(withoutMfa['iam:ListUsers'].MatchedStatements.map((s) => [s.SourcePolicyId, s.SourcePolicyType]),
    [['RequireMfa', 'user-managed']]);
  assert.deepEqual(withoutMfa['iam:ListUsers'].MissingContextValues, ['aws:MultiFactorAuthPresent']);
  assert.equal(withoutMfa['iam:GetUser'].EvalDecision, 'allowed', 'GetUser is excluded from the deny');

  const withMfa = decisions(await simulate([{
    ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyValues: ['true'], ContextKeyType: 'boolean',
  }]));
  assert.equal(withMfa['iam:ListUsers'].EvalDecision, 'allowed');
  assert.deepEqual(withMfa['iam:ListUsers'].MatchedStatements.map((s) => s.SourcePolicyId), ['ReadOnlyAccess']);
});

test('errors: AWS error codes, statuses and an unsigned request', async () => {
  await expectError(() => send(new iam.GetUserCommand({ UserName: 'nobody' })), 'NoSuchEntityException', 404);
  await expectError(() => send(new iam.CreateUserCommand({ UserName: 'ADMIN' })), 'EntityAlreadyExistsException', 409);
  await expectError(() => send(new iam.CreatePolicyCommand({ PolicyName: 'broken', PolicyDocument: '{"Version":' })),
    'MalformedPolicyDocumentException', 400);
  await expectError(() => send(new iam.CreateUserCommand({ UserName: 'has space' })), 'ValidationError', 400);

  const response = await fetch(endpoint.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'Action=ListUsers&Version=2010-05-08',
  });
  assert.equal(response.status, 403);
  assert.ok(response.headers.get('x-amzn-requestid'));
  const body = await response.text();
  assert.match(body, /<Code>MissingAuthenticationToken<\/Code>/);
  assert.match(body, /^<ErrorResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/">/);
});

test('throttling: with --throttle-rate 0.3 the SDK retries until every user is listed', async () => {
  const users = 30;
  const throttled = await startEndpoint(manyUsersSeed(users), ['--throttle-rate', '0.3', '--random-seed', '7']);
  try {
    const patient = clientsFor(throttled.url, DEFAULT_CREDENTIALS, 10);
    const pages = await allPages((Marker) => new iam.ListUsersCommand({ MaxItems: 3, Marker }), patient.iam);
    const names = pages.flatMap((page) => page.Users.map((user) => user.UserName));
    assert.equal(names.length, users);
    assert.equal(new Set(names).size, users);

    const log = await throttled.requests();
    const throttles = log.filter((entry) => entry.errorCode === 'Throttling');
    assert.ok(throttles.length > 0, 'some requests were throttled');
    assert.ok(throttles.every((entry) => entry.status === 400));
  } finally {
    await throttled.stop();
  }
});
