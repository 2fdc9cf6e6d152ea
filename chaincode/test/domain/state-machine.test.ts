// The generic state machine: the next state of an allowed action, and the INVALID_STATE error of any other.
import { expect } from 'chai';
import { nextState, type Transitions } from '../../src/domain/state-machine';
import { registryErrorOf } from './domain-fixtures';

type DoorState = 'Open' | 'Closed' | 'Locked';
type DoorAction = 'close' | 'lock' | 'open';

const DOOR: Transitions<DoorState, DoorAction> = {
  close: { from: ['Open'], to: 'Closed' },
  lock: { from: ['Closed'], to: 'Locked' },
  open: { from: ['Closed', 'Locked'], to: 'Open' },
};

describe('nextState', () => {
  it('returns the state an allowed action leads to', () => {
    expect(nextState('door', DOOR, 'Open', 'close')).to.equal('Closed');
    expect(nextState('door', DOOR, 'Closed', 'lock')).to.equal('Locked');
    expect(nextState('door', DOOR, 'Closed', 'open')).to.equal('Open');
    expect(nextState('door', DOOR, 'Locked', 'open')).to.equal('Open');
  });

  it('refuses an action from any other state, naming the states it needs', () => {
    const error = registryErrorOf(() => nextState('door', DOOR, 'Open', 'open'));
    expect(error).to.deep.equal({
      code: 'INVALID_STATE',
      message: 'cannot open a door that is Open',
      details: { action: 'open', state: 'Open', allowedFrom: ['Closed', 'Locked'] },
    });
    expect(registryErrorOf(() => nextState('door', DOOR, 'Locked', 'close')).details).to.deep.equal({
      action: 'close',
      state: 'Locked',
      allowedFrom: ['Open'],
    });
  });

  it('hands out a copy of the allowed states, so the table cannot be changed through an error', () => {
    const error = registryErrorOf(() => nextState('door', DOOR, 'Open', 'lock'));
    (error.details.allowedFrom as string[]).push('Open');
    expect(DOOR.lock.from).to.deep.equal(['Closed']);
  });
});
