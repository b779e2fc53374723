// Collects Content Security Policy violations into window.cspViolations (a page under a strict
// CSP cannot do this inline).
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`), true);
