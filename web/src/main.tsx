// Entry point: the layout (header, theme switch), the routes, and the silent session restore.

import 'katex/dist/katex.min.css';
import './styles.css';

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';

import { session } from './lib/api';
import { ForgotPassword, Login, Profile, Register, ResetPassword, VerifyEmail } from './pages/account';
import { ProblemPage } from './pages/problem';
import { Problems } from './pages/problems';
import { Staff } from './pages/staff';
import { Submission, Submissions } from './pages/submissions';
import { applyTheme, initialTheme, type Theme, useSession } from './ui';

function Header({ theme, setTheme }: { theme: Theme; setTheme: (t: Theme) => void }) {
  const { user, ready } = useSession();
  const { route, path } = useLocation();
  const link = (href: string, text: string) => (
    <a href={href} aria-current={path === href || path.startsWith(`${href}/`) ? 'page' : undefined}>
      {text}
    </a>
  );
  return (
    <header class="top">
      <a class="brand" href="/problems">
        <span aria-hidden="true">&gt;_</span> Algocode
      </a>
      <nav aria-label="Main">
        {link('/problems', 'Problems')}
        {user && link('/submissions', 'Submissions')}
        {user?.is_staff && link('/staff', 'Staff')}
      </nav>
      <span class="spacer" />
      <button
        type="button"
        class="ghost"
        aria-label={`Switch to the ${theme === 'dark' ? 'light' : 'dark'} theme`}
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
      {ready &&
        (user ? (
          <>
            {link('/profile', user.username)}
            <button type="button" class="ghost" onClick={() => session.logout().finally(() => route('/login'))}>
              Log out
            </button>
          </>
        ) : (
          <>
            {link('/login', 'Log in')}
            {link('/register', 'Register')}
          </>
        ))}
    </header>
  );
}

function NotFound() {
  return (
    <section class="narrow">
      <h1>Not found</h1>
      <p>
        Nothing lives at this address. <a href="/problems">Browse the problems</a>.
      </p>
    </section>
  );
}

function Home() {
  const { route } = useLocation();
  useEffect(() => route('/problems', true), []);
  return null;
}

function App() {
  const [theme, setThemeState] = useState<Theme>(initialTheme());
  const setTheme = (t: Theme) => {
    applyTheme(t);
    setThemeState(t);
  };
  return (
    <LocationProvider>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <Header theme={theme} setTheme={setTheme} />
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/" component={Home} />
          <Route path="/problems" component={Problems} />
          <Route path="/problems/:id" component={ProblemPage} />
          <Route path="/submissions" component={Submissions} />
          <Route path="/submissions/:id" component={Submission} />
          <Route path="/login" component={Login} />
          <Route path="/register" component={Register} />
          <Route path="/verify-email/:key" component={VerifyEmail} />
          <Route path="/forgot-password" component={ForgotPassword} />
          <Route path="/reset-password/:uid/:token" component={ResetPassword} />
          <Route path="/profile" component={Profile} />
          <Route path="/staff" component={Staff} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </LocationProvider>
  );
}

applyTheme(initialTheme());
render(<App />, document.getElementById('app')!);
void session.restore();
