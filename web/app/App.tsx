import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { CurrentProvider, useCurrent, useSessionInfo } from '../api/session.tsx';
import { WeekPage } from '../features/week/WeekPage.tsx';
import { useAccountLanguage, useT } from '../i18n/i18n.tsx';
import { Shell } from './Shell.tsx';

// Pages not needed for the first screen are loaded on demand, to keep the first load small on a phone.
const LedgerPage = lazy(() => import('../features/ledger/LedgerPage.tsx'));
const ServiceLogPage = lazy(() => import('../features/service-logs/ServiceLogPage.tsx'));
const AccommodationsPage = lazy(() => import('../features/accommodations/AccommodationsPage.tsx'));
const BehaviorPage = lazy(() => import('../features/behavior/BehaviorPage.tsx'));
const GoalsPage = lazy(() => import('../features/goals/GoalsPage.tsx'));
const CheckInPage = lazy(() => import('../features/checkin/CheckInPage.tsx'));
const CheckInCard = lazy(() => import('../features/checkin/CheckInCard.tsx'));
const WorkSamplesPage = lazy(() => import('../features/work-samples/WorkSamplesPage.tsx'));
const TimetablePage = lazy(() => import('../features/timetable/TimetablePage.tsx'));
const PlanPage = lazy(() => import('../features/plan/PlanPage.tsx'));
const TimelinePage = lazy(() => import('../features/timeline/TimelinePage.tsx'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage.tsx'));
const IepReviewPage = lazy(() => import('../features/plan/IepReviewPage.tsx'));
const CommunicationsPage = lazy(() => import('../features/communications/CommunicationsPage.tsx'));
const LettersPage = lazy(() => import('../features/letters/LettersPage.tsx'));
const LetterEditor = lazy(() => import('../features/letters/LetterEditor.tsx'));
const AdvisorPage = lazy(() => import('../features/advisor/AdvisorPage.tsx'));
const PaperTrailPage = lazy(() => import('../features/paper-trail/PaperTrailPage.tsx'));
const HouseholdPage = lazy(() => import('../features/household/HouseholdPage.tsx'));
const OnboardingPage = lazy(() => import('../features/onboarding/OnboardingPage.tsx'));
const StaffPage = lazy(() => import('../features/staff/StaffPage.tsx'));
const AccountPage = lazy(() => import('../features/auth/AccountPage.tsx'));
const CaseloadPage = lazy(() => import('../features/caseload/CaseloadPage.tsx'));
const SignInPage = lazy(() => import('../features/auth/SignIn.tsx').then((m) => ({ default: m.SignInPage })));
const SetupPage = lazy(() => import('../features/auth/Setup.tsx').then((m) => ({ default: m.SetupPage })));
const AcceptInvitePage = lazy(() =>
  import('../features/auth/AcceptInvite.tsx').then((m) => ({ default: m.AcceptInvitePage })),
);
const ForgotPasswordPage = lazy(() =>
  import('../features/auth/PasswordReset.tsx').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../features/auth/PasswordReset.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);

export function Loading() {
  const t = useT();
  return (
    <Center h="50vh" role="status" aria-label={t('app.loading')}>
      <Loader />
    </Center>
  );
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Switch>
        <Route path="/staff" component={StaffPage} />
        <Route path="/invite" component={AcceptInvitePage} />
        <Route path="/reset-password" component={ResetPasswordPage} />
        <Route path="/forgot-password" component={ForgotPasswordPage} />
        <Route>
          <SignedInApp />
        </Route>
      </Switch>
    </Suspense>
  );
}

function SignedInApp() {
  const session = useSessionInfo();
  const [location] = useLocation();
  useAccountLanguage(session.data?.user?.language);
  if (session.isPending) return <Loading />;
  if (session.isError || !session.data) return <SignInPage />;
  if (session.data.needsSetup) return location === '/setup' ? <SetupPage /> : <Redirect to="/setup" />;
  if (!session.data.signedIn) return location === '/sign-in' ? <SignInPage /> : <Redirect to="/sign-in" />;
  if (location === '/sign-in' || location === '/setup') return <Redirect to="/" />;
  return (
    <CurrentProvider session={session.data}>
      <Routes />
    </CurrentProvider>
  );
}

function Routes() {
  const current = useCurrent();
  const [location] = useLocation();
  if (!current.householdId) return <OnboardingPage />;
  if (current.childrenLoaded && !current.child && location !== '/welcome') return <Redirect to="/welcome" />;
  if (location === '/welcome') return <OnboardingPage />;
  if (!current.child) return <Loading />;
  return (
    <Shell>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/" component={WeekPage} />
          <Route path="/check-in" component={CheckInPage} />
          <Route path="/check-in/print" component={CheckInCard} />
          <Route path="/ledger" component={LedgerPage} />
          <Route path="/ledger/:serviceId/school-log" component={ServiceLogPage} />
          <Route path="/ledger/:serviceId" component={LedgerPage} />
          <Route path="/accommodations" component={AccommodationsPage} />
          <Route path="/behavior" component={BehaviorPage} />
          <Route path="/goals" component={GoalsPage} />
          <Route path="/work-samples" component={WorkSamplesPage} />
          <Route path="/timetable" component={TimetablePage} />
          <Route path="/plan" component={PlanPage} />
          <Route path="/plan/review/:id" component={IepReviewPage} />
          <Route path="/timeline" component={TimelinePage} />
          <Route path="/calendar" component={CalendarPage} />
          <Route path="/communications" component={CommunicationsPage} />
          <Route path="/letters" component={LettersPage} />
          <Route path="/letters/:id" component={LetterEditor} />
          <Route path="/advisor" component={AdvisorPage} />
          <Route path="/paper-trail" component={PaperTrailPage} />
          <Route path="/household" component={HouseholdPage} />
          <Route path="/account" component={AccountPage} />
          <Route path="/caseload" component={CaseloadPage} />
          <Route>
            <Redirect to="/" />
          </Route>
        </Switch>
      </Suspense>
    </Shell>
  );
}
