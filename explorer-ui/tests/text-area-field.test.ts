import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { describe, expect, it } from 'vitest';
import TextAreaField from '../src/portal/forms/TextAreaField.vue';

describe('a portal form’s text area', () => {
  it('is named by its label, required, capped at the ledger’s 2000 characters, and reads out its problem', async () => {
    const wrapper = mount(TextAreaField, {
      props: { id: 'freeze-reason', label: 'Reason', problem: 'Give a reason.', modelValue: '' },
      global: { plugins: [PrimeVue] },
    });
    const area = wrapper.find('textarea');
    expect(wrapper.find('label').attributes('for')).toBe('freeze-reason');
    expect(area.attributes('id')).toBe('freeze-reason');
    expect(area.attributes()).toMatchObject({ maxlength: '2000', 'aria-required': 'true', 'aria-invalid': 'true' });
    expect(area.attributes('aria-describedby')).toBe('freeze-reason-problem');
    expect(wrapper.find('#freeze-reason-problem').text()).toBe('Give a reason.');

    await area.setValue('sanctions screening');
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['sanctions screening']);
  });
});
