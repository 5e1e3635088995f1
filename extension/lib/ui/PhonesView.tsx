import type { PhonesState } from '../messages/page-snapshot';
import { formatValue } from './format-value';
import { explainTargets, leadTrailAnswer, leadTrailReason } from './phone-targets';
import { ReadValue } from './ReadValue';

function Targets({ phones }: { phones: PhonesState }) {
  if (!phones.methods) return null;
  const rows = explainTargets(phones.methods, phones.answer);
  if (!rows) return <p class="muted">getPhones() did not answer a list of targets (see below).</p>;
  if (rows.length === 0) return <p class="muted">No numbers replaced on this page (getPhones() is empty).</p>;
  return (
    <table class="grid" data-testid="phone-targets">
      <thead>
        <tr>
          <th>target (id)</th>
          <th>shown by the page</th>
          <th>replaced with</th>
          <th>why</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.id} ${row.text}`} data-testid="phone-target">
            <td class="code">{row.id}</td>
            <td class="code">{row.text}</td>
            <td class="code">{row.replacedWith ?? '—'}</td>
            <td>{row.why}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Answer({ phones }: { phones: PhonesState }) {
  if (phones.answer === null) return null;
  const ours = leadTrailAnswer(phones.answer);
  return (
    <table class="pairs" data-testid="phones-answer">
      <tbody>
        <tr>
          <th>hit answer (phones)</th>
          <td>{formatValue(phones.answer)}</td>
        </tr>
        {ours && (
          <tr>
            <th>this visit’s number</th>
            <td>{`${ours.number ?? 'none'}: ${leadTrailReason(ours)}`}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function Methods({ phones }: { phones: PhonesState }) {
  const methods = phones.methods;
  if (!methods) return <p class="muted">No Comagic: nothing answers getPhones().</p>;
  const reads = [
    ['getPhones()', methods.getPhones],
    ['getDTPhones()', methods.getDTPhones],
    ['getReplacedPhones()', methods.replaced],
    ["getReplacedPhones('static')", methods.replacedStatic],
    ["getReplacedPhones('dynamic')", methods.replacedDynamic],
  ] as const;
  return (
    <table class="pairs" data-testid="phone-methods">
      <tbody>
        {reads.map(([what, read]) => (
          <tr key={what}>
            <th>{what}</th>
            <td>
              <ReadValue read={read} what={what} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Call tracking on the page (ours or the vendor's): the numbers found, what each was replaced with
 * and why, the methods as the page sees them, the number elements now, and the id cookies.
 */
export function PhonesView({ phones }: { phones: PhonesState }) {
  return (
    <section class="card" data-testid="phones">
      <h2>Phones</h2>
      <Targets phones={phones} />
      <Answer phones={phones} />
      <h3>As the page sees them</h3>
      <Methods phones={phones} />
      <h3>Number elements and tel: links now</h3>
      {phones.elements.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <table class="pairs" data-testid="phone-elements">
          <tbody>
            {phones.elements.map((e, i) => (
              <tr key={i}>
                <th>{e.where}</th>
                <td>{e.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Id cookies</h3>
      {phones.cookies.length === 0 ? (
        <p class="muted">No _comagic / _leadtrail cookies visible to the page.</p>
      ) : (
        <table class="pairs" data-testid="id-cookies">
          <tbody>
            {phones.cookies.map((c) => (
              <tr key={c.name}>
                <th>{c.name}</th>
                <td>{c.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
