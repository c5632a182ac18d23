export default function TimelinePage() { return <p>TimelinePage</p>; }
