import { render } from 'preact'
render(<p>panel</p>, document.getElementById('app')!)
