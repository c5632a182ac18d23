export default function OnboardingPage() { return <p>OnboardingPage</p>; }
