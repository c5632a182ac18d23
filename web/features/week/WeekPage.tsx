export function WeekPage() { return <p>week</p>; }
